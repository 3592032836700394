import { describe, expect, it } from 'vitest';
import { isEndpoint, matchesEndpoint } from './endpoint-pattern.js';

describe('endpoints of a passport', () => {
  const person = { method: 'GET', path: '/people/{iin}' };

  it('match a request with the same method and one segment per template part', () => {
    expect(matchesEndpoint(person, 'GET', '/people/850725400024')).toBe(true);
    expect(matchesEndpoint(person, 'HEAD', '/people/850725400024')).toBe(true);
    expect(matchesEndpoint(person, 'POST', '/people/850725400024')).toBe(false);
    expect(matchesEndpoint(person, 'GET', '/people/')).toBe(false);
    expect(matchesEndpoint(person, 'GET', '/people/1/2')).toBe(false);
    expect(matchesEndpoint(person, 'GET', '/people')).toBe(false);
    expect(matchesEndpoint(person, 'GET', '/persons/1')).toBe(false);
    expect(matchesEndpoint({ method: 'GET', path: '/' }, 'GET', '/')).toBe(true);
  });

  it('compare decoded segments, and never let an encoded slash or brace pass for a template', () => {
    expect(matchesEndpoint(person, 'GET', '/people/a%2Fb')).toBe(true); // one segment "a/b"
    expect(matchesEndpoint({ method: 'GET', path: '/a/b' }, 'GET', '/a%2Fb')).toBe(false);
    expect(matchesEndpoint({ method: 'GET', path: '/people/me' }, 'GET', '/people/%6De')).toBe(
      true,
    );
    expect(matchesEndpoint({ method: 'GET', path: '/x' }, 'GET', '/%7Bx%7D')).toBe(false);
    expect(matchesEndpoint(person, 'GET', '/people/%E0%A4%A')).toBe(false);
  });

  it('are well-formed only with a known method and an absolute path', () => {
    expect(isEndpoint(person)).toBe(true);
    expect(isEndpoint({ method: 'GET', path: '/' })).toBe(true);
    expect(isEndpoint({ method: 'FETCH', path: '/a' })).toBe(false);
    expect(isEndpoint({ method: 'GET', path: 'a' })).toBe(false);
    expect(isEndpoint({ method: 'GET', path: '/a//b' })).toBe(false);
    expect(isEndpoint({ method: 'GET', path: '/a/{b c}' })).toBe(false);
  });
});
