// The webhook target policy on addresses: public unicast passes; loopback and private ranges
// only when allowed; link-local, unspecified, multicast and metadata addresses never, in IPv4,
// IPv6 and IPv4-mapped IPv6 forms.
import { expect, it } from 'vitest';
import { addressRefusal, hostRefusal } from './target-policy.ts';

const PUBLIC = { allowPrivate: false };
const DEV = { allowPrivate: true };

it('passes public unicast addresses and names', () => {
  for (const a of ['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c', '8.8.8.8'])
    expect(addressRefusal(a, PUBLIC), a).toBeUndefined();
  expect(hostRefusal('hooks.example', PUBLIC)).toBeUndefined();
});

it('refuses loopback and private addresses unless allowed', () => {
  for (const a of [
    '127.0.0.1',
    '127.255.0.9',
    '::1',
    '::ffff:127.0.0.1',
    '10.1.2.3',
    '172.31.0.1',
    '192.168.0.1',
    'fd12::1',
    '100.64.0.1',
  ]) {
    expect(addressRefusal(a, PUBLIC), a).toMatch(/public addresses only/);
    expect(addressRefusal(a, DEV), a).toBeUndefined();
  }
});

it('never passes link-local, unspecified, multicast, NAT64 or metadata addresses', () => {
  for (const a of [
    '169.254.169.254',
    '169.254.1.1',
    'fe80::1',
    '0.0.0.0',
    '::',
    '224.0.0.1',
    'ff02::1',
    '::ffff:169.254.169.254',
    '64:ff9b::7f00:1',
    'fd00:ec2::254',
    '100.100.100.200',
  ]) {
    expect(addressRefusal(a, DEV), a).toBeDefined();
  }
});

it('refuses localhost by name unless allowed, and metadata names always', () => {
  expect(hostRefusal('localhost', PUBLIC)).toMatch(/server itself/);
  expect(hostRefusal('LOCALHOST.', PUBLIC)).toMatch(/server itself/);
  expect(hostRefusal('api.localhost', PUBLIC)).toMatch(/server itself/);
  expect(hostRefusal('localhost', DEV)).toBeUndefined();
  expect(hostRefusal('metadata.google.internal', DEV)).toMatch(/metadata/);
  expect(hostRefusal('[::1]', PUBLIC)).toMatch(/loopback/);
});
