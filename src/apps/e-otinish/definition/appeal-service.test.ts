import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadServiceDefinition, periodEnd } from '../../../blocks/services/index.js';
import { decisionTerm } from '../domain/decision-term.js';
import { extendDecisionTerm } from '../domain/extension.js';
import { registrationAtReceivingBody } from '../domain/forwarding.js';
import { legalDateOf } from '../domain/legal-calendar.js';
import { registrationDayOf } from '../domain/registration-day.js';
import { anyInstant, kz } from '../test/kz-legal-calendar.js';
import {
  APPEAL_DAY_OFF_SERVICE,
  APPEAL_SERVICE,
  appealServices,
  EXTENSION_STEPS,
  extensionTransition,
} from './appeal-service.js';

/**
 * The engine's clocks, as the definitions declare them, end on the day the APPC domain computes,
 * for any instant of receipt on the real Kazakhstan calendar: the engine counts from the day of
 * submission, the law from the registration day.
 */
const definitions = new Map(appealServices().map((d) => [d.id, d]));
const clock = (serviceId: string, id: string) =>
  definitions.get(serviceId)!.clocks!.find((c) => c.id === id)!;

describe('the appeal service definitions', () => {
  it('load on the engine', () => {
    for (const definition of appealServices())
      expect(() => loadServiceDefinition(definition, {})).not.toThrow();
  });

  it('the variant chosen at intake gives the engine clock the law’s last day (Art. 76, registration on a day off)', () => {
    fc.assert(
      fc.property(anyInstant(), (receivedAt) => {
        const day = registrationDayOf(receivedAt, kz);
        const service =
          day.receivedOn === day.registrationDate ? APPEAL_SERVICE : APPEAL_DAY_OFF_SERVICE;
        const engine = periodEnd(day.receivedOn, clock(service, 'decision').length, kz.calendar);
        expect(engine).toBe(decisionTerm(day.registrationDate, kz).lastDay);
      }),
      { numRuns: 2000 },
    );
  });

  it('an extension moves the engine clock to the day the domain extends the term to', () => {
    fc.assert(
      fc.property(anyInstant(), fc.constantFrom(...EXTENSION_STEPS), (receivedAt, days) => {
        const term = decisionTerm(registrationDayOf(receivedAt, kz).registrationDate, kz);
        const rule = clock(APPEAL_SERVICE, 'decision').extendOn!.find(
          (e) => e.transition === extensionTransition(days),
        )!;
        const engine = periodEnd(term.lastDay, rule.by, kz.calendar);
        const newLastDay = kz.calendar.addWorkingDays(term.lastDay, days);
        expect(engine).toBe(newLastDay);
        // When the domain accepts it (within 2 months), it is exactly that day.
        try {
          const extension = extendDecisionTerm(
            {
              originalTerm: term,
              currentTerm: term,
              newLastDay,
              deciderRoles: ['agency-head'],
              reasons: 'r',
              decidedAt: receivedAt,
            },
            kz,
          );
          expect(extension.term.lastDay).toBe(engine);
        } catch {
          // Refused by the 2-month cap or an expired term: the app refuses before the engine moves.
        }
      }),
      { numRuns: 500 },
    );
  });

  it('the competent body’s clock matches Art. 65 registration when forwarded on a working day', () => {
    fc.assert(
      fc.property(anyInstant(), (forwardedAt) => {
        const day = legalDateOf(forwardedAt, kz);
        fc.pre(kz.calendar.isWorkingDay(day));
        const engine = periodEnd(
          day,
          clock(APPEAL_SERVICE, 'decision-competent-body').length,
          kz.calendar,
        );
        expect(engine).toBe(registrationAtReceivingBody(forwardedAt, kz).decisionTerm.lastDay);
      }),
      { numRuns: 1000 },
    );
  });
});
