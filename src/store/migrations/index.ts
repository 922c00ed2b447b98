import type { Migration } from 'kysely/migration';
import * as partiesAndOrders from './0001-parties-and-orders.ts';
import * as disputes from './0002-disputes.ts';
import * as logistics from './0003-logistics.ts';
import * as money from './0004-money.ts';
import * as idempotencyAndOutbox from './0005-idempotency-and-outbox.ts';
import * as auth from './0006-auth.ts';
import * as webhooks from './0007-webhooks.ts';
import * as chargebacks from './0008-chargebacks.ts';
import * as writePath from './0009-write-path.ts';
import * as escrowRelease from './0010-escrow-release.ts';
import * as chainCheckpoints from './0012-chain-checkpoints.ts';
import * as adminAndClock from './0015-admin-and-clock.ts';
import * as idsPerUploader from './0018-ids-per-uploader.ts';
import * as sellerMetrics from './0020-seller-metrics.ts';
import * as listIndexes from './0021-list-indexes.ts';
import * as integrationLists from './0026-integration-lists.ts';
import * as eventFeed from './0027-event-feed.ts';
import * as actAsAndSignInLinks from './0028-act-as-and-sign-in-links.ts';
import * as orderLines from './0030-order-lines.ts';
import * as sellerStanding from './0034-seller-standing.ts';
import * as arbitrationWorkbench from './0036-arbitration-workbench.ts';

// A static list rather than a directory scan, so migrations survive bundling. Forward-only:
// append new files, never edit or reorder applied ones (the migrator refuses a changed history).
export const migrations: Readonly<Record<string, Migration>> = {
  '0001-parties-and-orders': partiesAndOrders,
  '0002-disputes': disputes,
  '0003-logistics': logistics,
  '0004-money': money,
  '0005-idempotency-and-outbox': idempotencyAndOutbox,
  '0006-auth': auth,
  '0007-webhooks': webhooks,
  '0008-chargebacks': chargebacks,
  '0009-write-path': writePath,
  '0010-escrow-release': escrowRelease,
  '0012-chain-checkpoints': chainCheckpoints,
  '0015-admin-and-clock': adminAndClock,
  '0018-ids-per-uploader': idsPerUploader,
  '0020-seller-metrics': sellerMetrics,
  '0021-list-indexes': listIndexes,
  '0026-integration-lists': integrationLists,
  '0027-event-feed': eventFeed,
  '0028-act-as-and-sign-in-links': actAsAndSignInLinks,
  '0030-order-lines': orderLines,
  '0034-seller-standing': sellerStanding,
  '0036-arbitration-workbench': arbitrationWorkbench,
};
