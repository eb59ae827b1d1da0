import { homedir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { configDir, defaultConfigPath, stateDir, tokenPath } from '../../src/state/paths.ts';

describe('XDG paths', () => {
  it('follow XDG_CONFIG_HOME and XDG_STATE_HOME', () => {
    const env = { XDG_CONFIG_HOME: '/x/config', XDG_STATE_HOME: '/x/state', HOME: '/home/alex' };
    expect(configDir(env)).toBe('/x/config/interview-followup');
    expect(defaultConfigPath(env)).toBe('/x/config/interview-followup/config.jsonc');
    expect(tokenPath(env)).toBe('/x/config/interview-followup/token.json');
    expect(stateDir(env)).toBe('/x/state/interview-followup');
  });

  it('fall back to ~/.config and ~/.local/state', () => {
    const env = { HOME: '/home/alex' };
    expect(defaultConfigPath(env)).toBe('/home/alex/.config/interview-followup/config.jsonc');
    expect(stateDir(env)).toBe('/home/alex/.local/state/interview-followup');
  });

  it('ignore relative and empty values, as the XDG spec requires', () => {
    const env = { XDG_CONFIG_HOME: 'relative/config', XDG_STATE_HOME: '', HOME: '/home/alex' };
    expect(configDir(env)).toBe('/home/alex/.config/interview-followup');
    expect(stateDir(env)).toBe('/home/alex/.local/state/interview-followup');
  });

  it('use the account home when HOME is unset', () => {
    expect(stateDir({})).toBe(`${homedir()}/.local/state/interview-followup`);
  });
});
