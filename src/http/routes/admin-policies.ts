// The admin's policy page over HTTP (issue 12): a market's current version with every value and
// its default, the difference a proposed version would make (nothing saved), and which disputes
// run on which version. Adding a version stays POST /v1/policies (routes/staff.ts).
import { type Static, Type } from 'typebox';
import { DEFAULT_POLICY, type Market, validatePolicyValues } from '../../domain/index.ts';
import { POLICY_FIELDS, withDefaults } from '../../domain/policy-diff.ts';
import {
  currentPolicyVersion,
  disputesOnVersion,
  policyUsage,
  previewPolicyVersion,
  VERSION_DISPUTES_PAGE_MAX,
} from '../../service/policy-admin.ts';
import type { RouteGroup } from '../app.ts';
import { iso, wire } from '../convert.ts';
import { problem, sendProblem } from '../problem.ts';
import { PROBLEMS } from '../schemas/common.ts';
import { fromWireValues, PolicyChanges, PolicyMarket } from '../schemas/policy.ts';
import { adminOnly } from './admin-users.ts';

const TAGS = ['policies'];

const FieldView = Type.Object({
  field: Type.String(),
  value: Type.Unknown({ description: 'what this market sets, else the default' }),
  default: Type.Unknown(),
  setHere: Type.Boolean({ description: 'the market’s current version sets this field' }),
});
const VersionRef = Type.Object({ id: Type.String(), version: Type.Integer() });
const MarketPolicyView = Type.Object({
  market: Type.String(),
  current: Type.Optional(VersionRef),
  fields: Type.Array(FieldView),
});
const ChangeView = Type.Object({
  field: Type.String(),
  current: Type.Unknown(),
  proposed: Type.Unknown(),
});
const PreviewView = Type.Object({
  market: Type.String(),
  current: Type.Optional(VersionRef),
  next: Type.Intersect([
    VersionRef,
    Type.Object({ values: Type.Record(Type.String(), Type.Unknown()) }),
  ]),
  changes: Type.Array(ChangeView),
});
const DisputeOnVersionView = Type.Object({
  id: Type.String(),
  status: Type.String(),
  sellerId: Type.String(),
  openedAt: Type.String({ format: 'date-time' }),
  versionIds: Type.Array(Type.String()),
});

type FieldViewT = Static<typeof FieldView>;

export const adminPolicyRoutes: RouteGroup = (app, { runtime }) => {
  const db = runtime.store.db;

  app.get(
    '/v1/policies/markets/:market',
    {
      ...adminOnly,
      schema: {
        tags: TAGS,
        summary: 'A market’s current policy version: every value beside its default (admin)',
        params: Type.Object({ market: PolicyMarket }, { additionalProperties: false }),
        response: { 200: MarketPolicyView, ...PROBLEMS },
      },
    },
    async (request) => {
      const market = request.params.market as Market;
      const current = await currentPolicyVersion(db, market);
      const values = withDefaults(current?.values);
      const fields: FieldViewT[] = POLICY_FIELDS.map((field) => ({
        field,
        value: wire(values[field]),
        default: wire(DEFAULT_POLICY[field]),
        setHere: current !== undefined && Object.hasOwn(current.values, field),
      }));
      return {
        market,
        ...(current === undefined ? {} : { current: { id: current.id, version: current.version } }),
        fields,
      };
    },
  );

  app.post(
    '/v1/policies/preview',
    {
      ...adminOnly,
      schema: {
        tags: TAGS,
        summary:
          'What adding this version would change against the market’s current one; nothing is saved (admin)',
        body: Type.Object(
          { market: PolicyMarket, values: PolicyChanges },
          { additionalProperties: false },
        ),
        response: { 200: PreviewView, ...PROBLEMS },
      },
    },
    async (request, reply) => {
      const values = fromWireValues(request.body.values);
      const problems = validatePolicyValues(values);
      if (problems.length > 0)
        return sendProblem(
          reply,
          problem(
            422,
            'policy.invalid',
            problems.map((p) => `${p.field} ${p.problem}`).join('; '),
            { problems },
          ),
        );
      const market = request.body.market as Market;
      const preview = await previewPolicyVersion(db, market, values);
      const c = preview.current;
      return {
        market,
        ...(c === undefined ? {} : { current: { id: c.id, version: c.version } }),
        next: {
          id: preview.next.id,
          version: preview.next.version,
          values: wire(preview.next.values) as Record<string, unknown>,
        },
        changes: preview.changes.map((ch) => ({
          field: ch.field,
          current: wire(ch.current),
          proposed: wire(ch.proposed),
        })),
      };
    },
  );

  app.get(
    '/v1/policies/usage',
    {
      ...adminOnly,
      schema: {
        tags: TAGS,
        summary:
          'How many disputes run on each policy version (`default`: opened when no version applied) (admin)',
        response: {
          200: Type.Object({
            items: Type.Array(Type.Object({ versionId: Type.String(), disputes: Type.Integer() })),
          }),
          ...PROBLEMS,
        },
      },
    },
    async () => ({ items: await policyUsage(db) }),
  );

  app.get(
    '/v1/policies/versions/:versionId/disputes',
    {
      ...adminOnly,
      schema: {
        tags: TAGS,
        summary: 'The newest disputes that run on a policy version (admin)',
        params: Type.Object(
          {
            versionId: Type.String({
              pattern: '^((\\*|(buyer|seller):[A-Z]{2})#[0-9]{1,9}|default)$',
            }),
          },
          { additionalProperties: false },
        ),
        querystring: Type.Object(
          {
            limit: Type.Optional(
              Type.Integer({ minimum: 1, maximum: VERSION_DISPUTES_PAGE_MAX, default: 50 }),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(DisputeOnVersionView) }), ...PROBLEMS },
      },
    },
    async (request) => {
      const rows = await disputesOnVersion(db, request.params.versionId, request.query.limit ?? 50);
      return {
        items: rows.map((r) => ({
          ...r,
          openedAt: iso(r.openedAt),
          versionIds: [...r.versionIds],
        })),
      };
    },
  );
};
