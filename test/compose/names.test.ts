import { describe, expect, it } from 'vitest';
import { firstName } from '../../src/core/person-name.ts';
import { greeting, joinTopics, personalFirstName } from '../../src/compose/names.ts';

describe('firstName', () => {
  it.each([
    ['Jane Smith', 'Jane'],
    ['  José   Núñez ', 'José'],
    ['Smith, Jane', 'Jane'],
    ['Dr. Jane Smith', 'Dr. Smith'],
    ['Prof Ada Lovelace', 'Prof. Lovelace'],
    ['Cher', 'Cher'],
    ['', undefined],
    ['jane@acme.com', undefined],
    [undefined, undefined],
  ])('%j → %j', (name, expected) => {
    expect(firstName(name)).toBe(expected);
  });
});

describe('personalFirstName', () => {
  it.each([
    [{ name: 'Jane Smith', email: 'jane@acme.com' }, 'Jane'],
    [{ name: 'Acme Recruiting', email: 'jobs@acme.com' }, undefined],
    [{ name: 'Talent Team', email: 'talent@acme.com' }, undefined],
    [{ name: 'Acme', email: 'no-reply@acme.com' }, undefined],
    [{ email: 'jane@acme.com' }, undefined],
  ])('%j → %j', (address, expected) => {
    expect(personalFirstName(address, 'Acme')).toBe(expected);
  });
});

describe('greeting and joinTopics', () => {
  it('greets by name, or "Hello," without one', () => {
    expect(greeting('Jane')).toBe('Dear Jane,');
    expect(greeting(undefined)).toBe('Hello,');
  });

  it.each([
    [['event sourcing'], 'event sourcing'],
    [['event sourcing', 'CQRS'], 'event sourcing and CQRS'],
    [['a', 'b', 'c'], 'a, b, and c'],
    [['  spaced\n topic ', ''], 'spaced topic'],
    [[], ''],
  ])('%j → %j', (topics, expected) => {
    expect(joinTopics(topics)).toBe(expected);
  });
});
