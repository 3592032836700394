/** How an email delivery stands, in the GovStack Messaging vocabulary. */
export type DeliveryState = 'scheduled' | 'deferred' | 'delivered' | 'bounced' | 'notSent';

/**
 * A delivery's state from its attempts, oldest first: the latest attempt's outcome, or
 * `scheduled` before the first. Derived, never stored, as the attempts are the record.
 */
export function deliveryState(attempts: ReadonlyArray<{ outcome: DeliveryState }>): DeliveryState {
  return attempts.at(-1)?.outcome ?? 'scheduled';
}
