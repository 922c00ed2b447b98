// Where webhooks may be sent. A subscription URL is chosen by whoever holds an admin key, and
// the delivery log shows what happened, so without this a webhook is a way to make the server
// call its own network: the database on localhost:5432, a cloud metadata service at
// 169.254.169.254, anything on 10/8. Only public unicast addresses are allowed; loopback and
// private ranges only when SETTLE_WEBHOOK_ALLOW_PRIVATE is set (local development). Link-local,
// unspecified, multicast, reserved and cloud metadata addresses are refused whatever the setting.
//
// Checked twice: on the URL when subscribing (IP literals in any spelling the URL parser
// accepts, "localhost", metadata names), and on every resolved address when delivering (a
// name may resolve anywhere, and may change what it resolves to between the two).
import ipaddr from 'ipaddr.js';

export interface TargetPolicy {
  /** Let loopback and private (RFC 1918, unique local) addresses through. */
  readonly allowPrivate: boolean;
}

export const PUBLIC_ONLY: TargetPolicy = { allowPrivate: false };

/** Ranges (ipaddr.js names) allowed only when the policy allows private targets. */
const PRIVATE_RANGES: ReadonlySet<string> = new Set([
  'loopback',
  'private',
  'uniqueLocal',
  'carrierGradeNat',
]);

/** Instance metadata services, refused even when private targets are allowed. */
const METADATA_ADDRESSES: ReadonlySet<string> = new Set([
  '169.254.169.254', // AWS, GCP, Azure, OpenStack...
  '169.254.170.2', // AWS ECS task metadata
  '100.100.100.200', // Alibaba Cloud
  'fd00:ec2::254', // AWS over IPv6
]);
const METADATA_NAMES: ReadonlySet<string> = new Set([
  'metadata',
  'metadata.google.internal',
  'metadata.goog',
  'instance-data',
  'instance-data.ec2.internal',
]);

/** Why a webhook may not be sent to this IP address, or undefined when it may. */
export function addressRefusal(address: string, policy: TargetPolicy): string | undefined {
  if (!ipaddr.isValid(address)) return `${address} is not an IP address`;
  // process() turns an IPv4-mapped IPv6 address (::ffff:127.0.0.1) into the IPv4 it is.
  const ip = ipaddr.process(address);
  const normal = ip.toString();
  if (METADATA_ADDRESSES.has(normal)) return `${normal} is a cloud metadata address`;
  const range = ip.range();
  if (range === 'unicast') return undefined;
  if (PRIVATE_RANGES.has(range)) {
    if (policy.allowPrivate) return undefined;
    return `${normal} is a ${range} address; webhooks go to public addresses only (SETTLE_WEBHOOK_ALLOW_PRIVATE=true allows it for local development)`;
  }
  return `${normal} is a ${range} address; webhooks go to public addresses only`;
}

/** Why a webhook may not be sent to this URL host (before any DNS), or undefined. */
export function hostRefusal(hostname: string, policy: TargetPolicy): string | undefined {
  const host = hostname
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase();
  if (ipaddr.isValid(host)) return addressRefusal(host, policy);
  const metadata = metadataNameRefusal(host);
  if (metadata !== undefined) return metadata;
  if ((host === 'localhost' || host.endsWith('.localhost')) && !policy.allowPrivate) {
    return `${host} is the server itself; webhooks go to public addresses only (SETTLE_WEBHOOK_ALLOW_PRIVATE=true allows it for local development)`;
  }
  return undefined;
}

/** Refuses the well-known metadata names before resolving them (they resolve link-local). */
export function metadataNameRefusal(hostname: string): string | undefined {
  const host = hostname.replace(/\.$/, '').toLowerCase();
  return METADATA_NAMES.has(host) ? `${host} is a cloud metadata host` : undefined;
}
