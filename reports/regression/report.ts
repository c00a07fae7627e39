/** The policy-regression report (its own kind, schema version 1), as a zod schema users can import. */
import { z } from 'zod';

import { ProvenanceSchema as provenance } from '../report.js';
const statement = z.object({
  policy: z.string(),
  index: z.number(),
  sid: z.string().optional(),
  effect: z.enum(['Allow', 'Deny']),
  reason: z.string(),
  resources: z.array(z.string()).optional(),
});
const call = z.object({
  source: z.string(),
  state: z.string(),
  pattern: z.string(),
  action: z.string(),
  resource: z.string(),
  context: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
  level: z.enum(['required', 'documented']),
  provenance,
  scenarios: z.array(z.string()),
  probe: z.string().optional(),
});
/** A changed call as the regression report lists it. */
export const ChangeSchema = z.object({
  call,
  before: z.enum(['allowed', 'implicitDeny', 'explicitDeny']),
  after: z.enum(['allowed', 'implicitDeny', 'explicitDeny']),
  grantedBy: z.array(statement),
  why: z.string(),
  consequence: z.string().optional(),
  flags: z.array(z.string()),
});
/** A change run on a target under both policies, and what it showed. */
export const VerificationSchema = z.object({
  source: z.string(),
  state: z.string(),
  action: z.string(),
  scenario: z.string(),
  predicted: z.object({ old: z.string(), new: z.string(), callDenied: z.boolean() }),
  observed: z.object({ old: z.string(), new: z.string(), callDenied: z.boolean() }),
  verdict: z.enum(['confirmed', 'diverged', 'unverifiable']),
  replay: z.string(),
});

/** The regression report (`regress --format json`, report.json). */
export const RegressionReportSchema = z.object({
  schemaVersion: z.literal(1),
  kind: z.literal('policy-regression'),
  tool: z.object({ name: z.string(), version: z.string() }),
  old: z.string(),
  new: z.string(),
  sources: z.array(z.string()),
  generated: z.object({ runs: z.number(), seed: z.number() }).optional(),
  options: z.object({ region: z.string().optional(), account: z.string(), docRevision: z.string() }),
  totals: z.object({
    calls: z.number(),
    newlyDenied: z.number(),
    newlyDeniedRequired: z.number(),
    newlyAllowed: z.number(),
    unchanged: z.number(),
  }),
  breaking: z.boolean(),
  newlyDenied: z.array(ChangeSchema),
  newlyAllowed: z.array(ChangeSchema),
  verification: z.array(VerificationSchema).optional(),
});

/** The regression report. */
export type RegressionReport = z.infer<typeof RegressionReportSchema>;
/** A verified change. */
export type Verification = z.infer<typeof VerificationSchema>;
