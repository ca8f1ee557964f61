// EventBridge deliveries in: a line event (validated) or the scheduled tick.
import type { EventBridgeEvent } from 'aws-lambda';
import { type LineEvent, LineEventSchema } from '../../flows/events.js';

export type Delivery = { readonly kind: 'tick' } | { readonly kind: 'event'; readonly event: LineEvent };

export function parseDelivery(delivery: EventBridgeEvent<string, unknown>): Delivery {
  if (delivery.source === 'aws.events' || delivery['detail-type'] === 'Scheduled Event')
    return { kind: 'tick' };
  const detail = typeof delivery.detail === 'object' && delivery.detail !== null ? delivery.detail : {};
  return { kind: 'event', event: LineEventSchema.parse({ ...detail, type: delivery['detail-type'] }) };
}
