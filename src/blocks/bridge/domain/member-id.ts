/*
 * Identifiers of the bridge, in the X-Road form GovStack's Information Mediator uses: an
 * instance (a national deployment, e.g. `KZ`), a member class (`GOV`, `COM`, `NGO`, …), a member
 * code (the organisation's BIN or registration number), a subsystem (one system of the member),
 * and for a service its code. A client is written `KZ/GOV/150440012344/case-system` (the
 * `Information-Mediator-Client` header); a service address is the path
 * `/{instance}/{memberClass}/{memberCode}/{subsystem}/{service}/…` that consumers call.
 */

/** One part of an identifier: letters, digits, `.`, `_`, `-`; 1 to 64 characters. */
export const IDENTIFIER_PART = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export interface SubsystemId {
  instance: string;
  memberClass: string;
  memberCode: string;
  subsystem: string;
}

export interface ServiceAddress extends SubsystemId {
  service: string;
  /** What follows the service code, passed on to the provider (always starts with `/`). */
  rest: string;
}

/** Why an identifier was refused, as a stable code the HTTP layer translates. */
export type IdentifierProblem =
  | { problem: 'BRIDGE_ID_PARTS'; expected: number; got: number }
  | { problem: 'BRIDGE_ID_PART_INVALID'; part: string; value: string };

const SUBSYSTEM_PARTS = ['instance', 'memberClass', 'memberCode', 'subsystem'] as const;

/** Parses `INSTANCE/CLASS/CODE/SUBSYSTEM`. Outcomes: the id, or the problem. */
export function parseSubsystemId(text: string): SubsystemId | IdentifierProblem {
  const parts = text.split('/');
  if (parts.length !== SUBSYSTEM_PARTS.length) {
    return { problem: 'BRIDGE_ID_PARTS', expected: SUBSYSTEM_PARTS.length, got: parts.length };
  }
  const invalid = firstInvalid(parts, SUBSYSTEM_PARTS);
  if (invalid) return invalid;
  const [instance, memberClass, memberCode, subsystem] = parts as [string, string, string, string];
  return { instance, memberClass, memberCode, subsystem };
}

/**
 * Parses a gateway path `/{instance}/{memberClass}/{memberCode}/{subsystem}/{service}/…`
 * (without query string). Outcomes: the address, or the problem.
 */
export function parseServiceAddress(path: string): ServiceAddress | IdentifierProblem {
  const parts = path.replace(/^\//, '').split('/');
  const names = [...SUBSYSTEM_PARTS, 'service'] as const;
  if (parts.length < names.length) {
    return { problem: 'BRIDGE_ID_PARTS', expected: names.length, got: parts.length };
  }
  const head = parts.slice(0, names.length);
  const invalid = firstInvalid(head, names);
  if (invalid) return invalid;
  const [instance, memberClass, memberCode, subsystem, service] = head as [
    string,
    string,
    string,
    string,
    string,
  ];
  const rest = `/${parts.slice(names.length).join('/')}`;
  return { instance, memberClass, memberCode, subsystem, service, rest };
}

export const isIdentifierProblem = (
  value: SubsystemId | ServiceAddress | IdentifierProblem,
): value is IdentifierProblem => 'problem' in value;

/** `KZ/GOV/150440012344/case-system`: the written form of a subsystem (and a client). */
export const formatSubsystemId = (id: SubsystemId): string =>
  [id.instance, id.memberClass, id.memberCode, id.subsystem].join('/');

/** `KZ/GOV/150440012344/case-system/population`: the written form of a service. */
export const formatServiceId = (address: SubsystemId & { service: string }): string =>
  `${formatSubsystemId(address)}/${address.service}`;

function firstInvalid(values: string[], names: readonly string[]): IdentifierProblem | undefined {
  for (const [index, value] of values.entries()) {
    if (!IDENTIFIER_PART.test(value)) {
      return { problem: 'BRIDGE_ID_PART_INVALID', part: names[index]!, value };
    }
  }
  return undefined;
}
