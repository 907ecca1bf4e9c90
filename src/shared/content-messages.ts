/**
 * The messages the content scripts read, as strict schemas in zod's small build (zod/mini), so
 * that every frame of the portal loads little before it knows whether it has work. The worker
 * checks these same schemas; `messages.ts` holds the rest.
 */
import { z } from 'zod/mini';
import { preflightOutcomes } from '../background/scim.ts';
import { keyProblems, tokenProblems } from '../checks/secret.ts';
import { tenantUrlProblems } from '../checks/tenant-url.ts';
import { knownErrorCodes } from '../journey/log-errors.ts';
import { stepIds } from '../journey/steps.ts';
import { controlIds } from '../pages/control-ids.ts';

// The extension's security policy forbids code built from strings; without this, zod tries it
// once to see whether it may.
z.config({ jitless: true });

export const pageKinds = [
  'declaree-login',
  'declaree-app',
  'declaree-account',
  'declaree-key-page',
  'entra-portal',
  'entra-app',
  'entra-provisioning',
  'entra-credentials-form',
] as const;
export type PageKind = (typeof pageKinds)[number];

const text = (longest: number) => z.string().check(z.maxLength(longest));
export const shortText = text(512);

/** The causes of a failed Test Connection the guide can name. */
export const testCauses = [
  ...tenantUrlProblems.map((problem) => `tenant-url-${problem}` as const),
  ...tokenProblems.map((problem) => `token-${problem}` as const),
  'key-regenerated',
  'key-other-instance',
] as const;
export type TestCause = (typeof testCauses)[number];

export const placeSchema = z.strictObject({
  x: z.number(),
  y: z.number(),
  width: z.number(),
  height: z.number(),
  viewportWidth: z.number(),
  viewportHeight: z.number(),
});

const collisionSchema = z.strictObject({
  kind: z.enum(['same-name', 'looks-like', 'declaree']),
  groups: z
    .array(z.strictObject({ name: z.string(), detail: z.optional(z.string()) }))
    .check(z.maxLength(100)),
});

export const groupCheckSchema = z.strictObject({
  checked: z.number(),
  total: z.optional(z.number()),
  collisions: z.array(collisionSchema).check(z.maxLength(200)),
  /** Why Declaree's own groups could not be read, when they could not. */
  declareeProblem: z.optional(z.enum(['refused', 'not-found', 'no-answer', 'unexpected'])),
});
export type GroupCheck = z.infer<typeof groupCheckSchema>;

export const fillResultCodes = [
  'filled',
  'no-key',
  'no-form',
  'confirm-app',
  'origin-mismatch',
  'sandboxed-frame',
  'field-not-found',
  'frame-gone',
  'refused',
] as const;
export type FillResultCode = (typeof fillResultCodes)[number];

export const fillResultSchema = z.strictObject({
  code: z.enum(fillResultCodes),
  appName: z.optional(shortText),
});
export type FillResult = z.infer<typeof fillResultSchema>;

/** What the guide panel and the popup may know about the key: never the key itself. */
export const keyStatusSchema = z.strictObject({
  held: z.boolean(),
  instance: z.optional(z.enum(['com', 'de'])),
  /** At most the last four characters; only ever sent to the extension's own pages. */
  hint: z.optional(text(4)),
  capturedAt: z.optional(z.number()),
});
export type KeyStatus = z.infer<typeof keyStatusSchema>;

export const tabStatusSchema = z.strictObject({
  key: keyStatusSchema,
  /** The page the tab shows, as the frames recognised it. */
  page: z.nullable(z.enum(pageKinds)),
  credentialsForm: z.boolean(),
  appName: z.optional(shortText),
  keyShown: z.optional(z.enum(['none', 'existing', 'new', 'masked'])),
  /** Why the text offered as a key was refused, when it was. */
  keyProblem: z.optional(z.enum(keyProblems)),
  /**
   * The Declaree page is of an instance the organisation does not allow, so a key from it is not
   * taken: the instance it allows.
   */
  instanceRefused: z.optional(z.enum(['com', 'de'])),
  /** The step the guide works on here, and whether its control was found on the page. */
  step: z.optional(z.enum(stepIds)),
  targetFound: z.optional(z.boolean()),
  /** The control the guide points at now. */
  target: z.optional(z.enum(controlIds)),
  /** Where it is, when a frame inside the page holds it: that frame's origin and the place. */
  targetPlace: z.optional(z.strictObject({ origin: z.string(), rect: placeSchema })),
  /** The requirement only the admin can confirm is not answered yet. */
  askAdminAccount: z.optional(z.boolean()),
  /** What Declaree's SCIM endpoint said of the held key. */
  preflight: z.optional(z.enum(preflightOutcomes)),
  /** Group names that Declaree would take as the same, and how many groups were checked. */
  groupCheck: z.optional(groupCheckSchema),
  quarantined: z.optional(z.boolean()),
  cycleStatus: z.optional(z.enum(['not-run', 'in-progress', 'completed', 'stopped'])),
  logFailures: z.optional(z.number()),
  errorCodes: z.optional(
    z.array(z.enum(knownErrorCodes)).check(z.maxLength(knownErrorCodes.length)),
  ),
  /** Causes that fit a failed Test Connection, as message names. */
  testCauses: z.optional(z.array(z.enum(testCauses)).check(z.maxLength(testCauses.length))),
  /** Test Connection's last verdict in this tab. */
  testResult: z.optional(z.enum(['success', 'failure'])),
  /** The userName mapping does not come from mail: the source it comes from. */
  userNameSource: z.optional(text(128)),
  lastFill: z.optional(z.enum(fillResultCodes)),
});
export type TabStatus = z.infer<typeof tabStatusSchema>;

const nonce = z.string().check(z.length(36));

export const toContentSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('status-changed'), status: tabStatusSchema }),
  z.strictObject({ type: z.literal('fill-command'), nonce }),
  z.strictObject({ type: z.literal('name-fill-command') }),
  z.strictObject({
    type: z.literal('guide'),
    wanted: z.array(z.enum(controlIds)).check(z.maxLength(controlIds.length)),
    highlight: z.nullable(z.enum(controlIds)),
  }),
  // The group names to mark on the rows of the frame's lists.
  z.strictObject({
    type: z.literal('group-marks'),
    names: z.array(text(256)).check(z.maxLength(500)),
  }),
]);
export type ToContent = z.infer<typeof toContentSchema>;

export const fillSecretSchema = z.strictObject({
  tenantUrl: z.url(),
  key: z.string().check(z.minLength(1), z.maxLength(4096)),
});
export type FillSecret = z.infer<typeof fillSecretSchema>;
