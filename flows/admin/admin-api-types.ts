// The admin API's response shapes, shared by the API and the console so both sides read one contract.
import type { LineSettings, LineSettingsPatch } from '../line-settings.js';
import type { Channel, ContactOutcome, Escalation } from '../model.js';
import type { Language } from '../replies.js';
import type { Roster } from '../roster/roster-schema.js';
import type { SurveyReport } from '../survey/survey-report.js';
import type { ContactReport } from './contact-report.js';
import type { LiveBoard } from './live-board.js';

export type { ContactReport } from './contact-report.js';
export type { LiveBoard } from './live-board.js';

/** Where every route lives; the console prefixes the origin. */
export const ADMIN_BASE_PATH = '/admin';
/** The scope the API Gateway authorizer requires and the local login grants. */
export const ADMIN_SCOPE_CLAIM = 'warmline/admin';

export interface DevLoginResponse {
  readonly token: string;
  readonly email: string;
}

/** A volunteer as coordinators see them: the phone only masked, e.g. "•••• 0142". */
export interface VolunteerView {
  readonly volunteerId: string;
  readonly name: string;
  readonly phoneMasked: string;
  readonly languages: readonly Language[];
  readonly active: boolean;
  readonly maxTextSessions: number;
  readonly notes?: string;
  readonly supervisor: boolean;
  readonly onShift: boolean;
  /** Send it back with PATCH/DELETE; a stale one gets 409. */
  readonly version: number;
}

export interface VolunteersResponse {
  readonly volunteers: readonly VolunteerView[];
}

export interface VolunteerResponse {
  readonly volunteer: VolunteerView;
}

export interface CsvImportResponse {
  readonly created: number;
  readonly updated: number;
}

/** An instant range in epoch milliseconds. */
export interface TimeSpan {
  readonly start: number;
  readonly end: number;
}

export interface RosterResponse {
  readonly roster: Pick<Roster, 'weekly' | 'overrides'>;
  readonly version: number;
  /** Open hours in the next 7 days with nobody rostered. */
  readonly gaps: readonly TimeSpan[];
  /** Volunteer ids rostered at this instant. */
  readonly onShiftNow: readonly string[];
}

/** A settings change touching where callers in danger go, waiting for a second coordinator. */
export interface PendingSettingsChange {
  readonly id: string;
  readonly proposedBy: string;
  readonly proposedAt: number;
  /** The settings version it was proposed against: confirming applies it only at that version. */
  readonly baseVersion: number;
  readonly fields: readonly string[];
  readonly settings: LineSettingsPatch;
}

export interface SettingsResponse {
  readonly settings: LineSettings;
  readonly version: number;
  readonly pending?: PendingSettingsChange;
}

/** One ended contact from the anonymized log: never a number or caller key. */
export interface ContactRow {
  readonly contactId: string;
  readonly channel: Channel;
  readonly language: Language;
  readonly outcome?: ContactOutcome;
  readonly startedAt: number;
  readonly queuedAt?: number;
  readonly endedAt?: number;
  readonly waitSeconds?: number;
  readonly talkSeconds?: number;
  readonly escalation?: Escalation;
  readonly repeatCount: number;
  readonly volunteerId?: string;
}

export interface ContactsResponse {
  /** Newest first, at most 2000; narrow the range to see the rest. */
  readonly contacts: readonly ContactRow[];
  /** Present when the range held more contacts than the list shows. */
  readonly truncated?: boolean;
}

export interface BlockedEntry {
  readonly blockId: string;
  /** The contact the coordinator blocked the caller from. */
  readonly contactId: string;
  readonly reason?: string;
  readonly addedAt: number;
  readonly addedBy: string;
}

export interface BlockedResponse {
  readonly blocked: readonly BlockedEntry[];
}

export interface BlockResponse {
  readonly block: BlockedEntry;
}

export type BoardResponse = LiveBoard;
/** The contact figures, with the survey's beside them (shown only for groups of at least its minimum). */
export type ReportResponse = ContactReport & { readonly survey: SurveyReport };

export interface AuditEntry {
  readonly at: number;
  readonly who: string;
  /** e.g. "volunteer.create", "roster.update", "settings.update", "caller.block". */
  readonly action: string;
  readonly target: string;
  readonly summary: string;
}

/** The line is ringing the supervisor into the call. */
export interface SupervisionResponse {
  readonly contactId: string;
  readonly reference: string;
  readonly mode: 'listen' | 'coach';
}

/** A live text conversation's recent messages, for the coordinator reading along; never stored beyond it. */
export interface ReadAlongResponse {
  readonly contactId: string;
  readonly reference: string;
  readonly messages: readonly {
    readonly at: number;
    readonly from: 'texter' | 'peer';
    readonly body: string;
  }[];
}

export interface AuditResponse {
  readonly entries: readonly AuditEntry[];
}

export interface IssueBody {
  readonly path: string;
  readonly message: string;
}

/** Every 400, 401, 403 and 404: error reads "<field>: <problem>" for validation. */
export interface ErrorResponse {
  readonly error: string;
  readonly issues?: readonly IssueBody[];
}

/** A CSV import refused: every row's problems, nothing applied. */
export interface CsvErrorResponse {
  readonly error: string;
  readonly issues: readonly { row: number; path: string; message: string }[];
}

/** 409: someone saved first; `current` is what they saved, `version` the one to send next. */
export interface ConflictResponse<T = unknown> {
  readonly error: string;
  readonly current: T;
  readonly version: number;
}
