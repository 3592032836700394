import type { Database } from '../../../platform/db/database.js';
import type { Transition } from '../domain/definition.js';
import type { FormValues } from '../domain/form-values.js';
import type { ServicesEngine } from './engine.js';
import { factsOf, type LoadedApplication } from './history.js';

/**
 * Produces a transition's outputs through the ports, inside the action's transaction, and returns
 * what they issued (document and registry record ids) for the action's payload. Messages are
 * sent last, so the notice can follow the decision it announces.
 */
export async function runOutputs(
  trx: Database,
  engine: ServicesEngine,
  loaded: LoadedApplication,
  transition: Transition,
  context: { actorAccountId: string | null; reason: string | null; nextState: string },
): Promise<Record<string, unknown>> {
  const facts = factsOf(loaded.row);
  const values = loaded.row.form_values as FormValues;
  const issued: { documents: string[]; records: { registry: string; recordId: string }[] } = {
    documents: [],
    records: [],
  };
  const outputs = transition.outputs ?? [];
  for (const output of outputs) {
    if (output.kind === 'document') {
      const { documentId } = await engine.ports.documents!.issue(trx, {
        ...facts,
        template: output.template,
        values,
        decidedByAccountId: context.actorAccountId,
        decision: transition.id,
        reason: context.reason,
      });
      issued.documents.push(documentId);
    } else if (output.kind === 'registry-write') {
      const picked = Object.fromEntries(
        output.fields.filter((f) => f in values).map((f) => [f, values[f]!]),
      );
      const { recordId } = await engine.ports.registries!.write(trx, {
        ...facts,
        registry: output.registry,
        values: picked,
        actorAccountId: context.actorAccountId,
      });
      issued.records.push({ registry: output.registry, recordId });
    }
  }
  for (const output of outputs) {
    if (output.kind !== 'message') continue;
    await engine.ports.notifier!.notify(trx, {
      ...facts,
      template: output.template,
      state: context.nextState,
      action: transition.id,
      reason: context.reason,
    });
  }
  return {
    ...(issued.documents.length > 0 ? { documents: issued.documents } : {}),
    ...(issued.records.length > 0 ? { registryRecords: issued.records } : {}),
  };
}
