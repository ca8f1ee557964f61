// The webhook paths Twilio calls; flows name them in replies, functions/routes.ts mounts them.

export const TWILIO_PATHS = {
  voiceIncoming: '/twilio/voice',
  voiceLanguage: '/twilio/voice/language',
  voiceIntake: '/twilio/voice/intake',
  voiceHold: '/twilio/voice/hold',
  voiceHoldInput: '/twilio/voice/hold-input',
  voiceStatus: '/twilio/voice/status',
  voiceBridgeEnded: '/twilio/voice/bridge-ended',
  crisisDialEnded: '/twilio/voice/crisis-dial-ended',
  /** Status callback of a warm transfer's crisis leg (a conference participant the dispatcher added). */
  crisisLegStatus: '/twilio/voice/crisis-leg-status',
  /** The caller left alone after a warm transfer: the crisis options. */
  crisisFallback: '/twilio/voice/crisis-fallback',
  /** The volunteer, told the crisis line did not connect, and put back in the room. */
  warmTransferUnreached: '/twilio/voice/warm-transfer-unreached',
  /** Status callback of a supervisor's leg (a muted or coaching participant added to a live call's room). */
  supervisorLegStatus: '/twilio/voice/supervisor-leg-status',
  conferenceHold: '/twilio/voice/conference-hold',
  offerInput: '/twilio/voice/offer-input',
  offerStatus: '/twilio/voice/offer-status',
  offerTaken: '/twilio/voice/offer-taken',
  volunteerInput: '/twilio/voice/volunteer-input',
  /** The volunteer's wrap-up codes, one keypad entry after the call. */
  wrapUpCodes: '/twilio/voice/wrap-up-codes',
  clinicianBridge: '/twilio/voice/clinician-bridge',
  smsIncoming: '/twilio/sms',
  smsStatus: '/twilio/sms/status',
  /** Twilio's Debugger posts account errors here (Console > Monitor > Debugger > Webhook). */
  twilioErrors: '/twilio/errors',
} as const;

export type TwilioPathName = keyof typeof TWILIO_PATHS;
