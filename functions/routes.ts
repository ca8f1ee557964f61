// The one route table: the CDK stack and the local runner both mount exactly these.
import { TWILIO_PATHS } from '../flows/webhook-paths.js';

export type RouteTarget = 'twilio-webhook' | 'admin-api';
export type RouteAuth = 'twilio-signature' | 'coordinator-jwt' | 'none';

export interface RouteDefinition {
  readonly method: 'GET' | 'POST' | 'ANY';
  readonly path: string;
  readonly target: RouteTarget;
  readonly auth: RouteAuth;
}

const twilio = (path: string): RouteDefinition => ({
  method: 'POST',
  path,
  target: 'twilio-webhook',
  auth: 'twilio-signature',
});

export const routes: readonly RouteDefinition[] = [
  { method: 'GET', path: '/health', target: 'twilio-webhook', auth: 'none' },
  ...Object.values(TWILIO_PATHS).map(twilio),
  { method: 'ANY', path: '/admin/{proxy+}', target: 'admin-api', auth: 'coordinator-jwt' },
];
