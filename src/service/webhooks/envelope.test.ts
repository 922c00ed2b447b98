// Goal: the body receivers get carries money as decimal strings (exact past 2^53), and the
// subscription checks refuse URLs we must not send to.
import { describe, expect, it } from 'vitest';
import { instant } from '../../domain/index.ts';
import { encodeBody, envelope, toWire } from './envelope.ts';
import { urlProblem } from './subscriptions.ts';

describe('webhook envelope', () => {
  it('writes bigints as decimal strings, at any depth', () => {
    const data = {
      event: { amount: { minor: 2n ** 64n, currency: 'USD' }, list: [1n, 'x', null] },
    };
    expect(toWire(data)).toEqual({
      event: { amount: { minor: '18446744073709551616', currency: 'USD' }, list: ['1', 'x', null] },
    });
    const body = encodeBody(envelope('money.refunded', instant(Date.UTC(2026, 0, 2)), data));
    expect(JSON.parse(body)).toEqual({
      type: 'money.refunded',
      timestamp: '2026-01-02T00:00:00.000Z',
      data: toWire(data),
    });
    expect(body).toContain('"minor":"18446744073709551616"');
  });
});

describe('subscription URLs', () => {
  it('accepts http and https URLs', () => {
    expect(urlProblem('https://hooks.example.com/settle?x=1')).toBeUndefined();
    expect(urlProblem('http://93.184.215.14:8080/hooks')).toBeUndefined();
    // Loopback only when private targets are allowed (local development).
    expect(urlProblem('http://127.0.0.1:8080/hooks')).toMatch(/host is refused/);
    expect(urlProblem('http://127.0.0.1:8080/hooks', { allowPrivate: true })).toBeUndefined();
  });

  it('refuses other schemes, credentials, relative and overlong URLs', () => {
    expect(urlProblem('ftp://hooks.example.com/')).toMatch(/http or https/);
    expect(urlProblem('javascript:alert(1)')).toMatch(/http or https/);
    expect(urlProblem('https://user:pass@hooks.example.com/')).toMatch(/credentials/);
    expect(urlProblem('https://token@hooks.example.com/')).toMatch(/credentials/);
    expect(urlProblem('/hooks')).toMatch(/absolute/);
    expect(urlProblem(`https://example.com/${'a'.repeat(2_048)}`)).toMatch(/longer/);
  });
});
