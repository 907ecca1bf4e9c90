/**
 * Every message between the extension's contexts, as strict zod schemas. A message that does not
 * parse is dropped by the receiver and counted, never echoed.
 */
import { z } from 'zod';

// The extension's security policy forbids code built from strings; without this, zod tries it
// once to see whether it may.
z.config({ jitless: true });

import { tokenProblems } from '../checks/secret.ts';
import { applicationSchema, tenantSchema } from '../journey/identities.ts';
import { knownErrorCodes } from '../journey/log-errors.ts';
import { stepIds } from '../journey/steps.ts';
import { controlIds } from '../pages/control-ids.ts';
import { pageKinds, placeSchema } from './content-messages.ts';

export * from './content-messages.ts';
export * from './popup-status.ts';

const shortText = z.string().max(512);

/** What one frame's agent has recognised on its page. Never holds a field value. */
export const frameReportSchema = z
  .object({
    page: z.enum(pageKinds).nullable(),
    /** This frame holds the Tenant URL and Secret Token fields. */
    credentialsForm: z.boolean(),
    /** The enterprise application's display name, where the frame shows it. */
    appName: shortText.optional(),
    /**
     * On Declaree's API tab: no key shown, a key that was there when the tab opened (one that
     * integrations may already use), or a key that appeared while the admin was on the tab.
     */
    keyShown: z.enum(['none', 'existing', 'new', 'masked']).optional(),
    /** Steps the page shows as done. */
    doneSteps: z.array(z.enum(stepIds)).max(stepIds.length),
    /** The controls the guide asked for that this frame shows. */
    controls: z.array(z.enum(controlIds)).max(controlIds.length).optional(),
    /** Which generation of Entra's provisioning UI the frame shows. */
    generation: z.enum(['classic', 'overview', 'new']).optional(),
    /** The newest notification that appeared, counted so that a repeat is news too. */
    notice: z
      .object({ kind: z.enum(['test-success', 'test-failure', 'saved']), count: z.number() })
      .strict()
      .optional(),
    /** The source attribute of the userName mapping, where the mapping list is shown. */
    userNameSource: z.string().max(128).optional(),
    /** The page's language, as its document declares it. */
    language: z.string().max(16).optional(),
    /** On a credentials form: the Tenant URL as entered (not a secret), to explain a failure. */
    tenantUrl: z.string().max(2048).optional(),
    /** On a credentials form: what is wrong with the Secret Token, as codes, never its value. */
    tokenProblems: z.array(z.enum(tokenProblems)).max(tokenProblems.length).optional(),
    /** The provisioning overview's quarantine banner and cycle status. */
    quarantined: z.boolean().optional(),
    cycleStatus: z.enum(['not-run', 'in-progress', 'completed', 'stopped']).optional(),
    /** On the provisioning logs: failed entries listed, and the error codes the page has shown. */
    logFailures: z.number().optional(),
    errorCodes: z.array(z.enum(knownErrorCodes)).max(knownErrorCodes.length).optional(),
    /** Where the highlighted control sits in this frame, so the panel can keep clear of it. */
    targetRect: z.optional(placeSchema),
    /** Groups the frame's lists showed, gathered as the admin scrolls. */
    groups: z
      .object({
        context: z.enum(['assigned', 'search', 'directory']),
        entries: z
          .array(
            z
              .object({
                name: z.string().max(256),
                detail: z.string().max(256).optional(),
                position: z.number().optional(),
              })
              .strict(),
          )
          .max(5000),
        total: z.number().optional(),
      })
      .strict()
      .optional(),
    /** The Entra tenant the portal shows: each tenant has its own setup. */
    tenant: z.optional(tenantSchema),
    /** The application whose pages the route shows: its ids, from the route. */
    application: z.optional(applicationSchema),
  })
  .strict();
export type FrameReport = z.infer<typeof frameReportSchema>;

export const toWorkerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('frame-report'), report: frameReportSchema }).strict(),
  // The frame's document goes away: what it reported no longer holds.
  z.object({ type: z.literal('frame-gone') }).strict(),
  // The raw text found on Declaree's page; the worker cleans and checks it.
  z.object({ type: z.literal('key-offer'), key: z.string().max(4096) }).strict(),
  z.object({ type: z.literal('status-get') }).strict(),
  z.object({ type: z.literal('fill-start'), confirmedAppName: shortText.optional() }).strict(),
  z.object({ type: z.literal('fill-request'), nonce: z.string().length(36) }).strict(),
  // The guide fills the suggested name into the new application's empty name field.
  z.object({ type: z.literal('name-fill') }).strict(),
  z.object({ type: z.literal('key-forget') }).strict(),
  z
    .object({
      type: z.literal('step-set'),
      step: z.enum(stepIds),
      state: z.enum(['done', 'skipped', 'todo']),
    })
    .strict(),
  z.object({ type: z.literal('presenter-set'), on: z.boolean() }).strict(),
  // The way out when a page lacks the fields: the key for the clipboard, to the popup only.
  z.object({ type: z.literal('key-copy') }).strict(),
  z.object({ type: z.literal('preflight-run') }).strict(),
  z.object({ type: z.literal('summary-get'), includeIds: z.boolean() }).strict(),
  z.object({ type: z.literal('report-get'), includeIds: z.boolean() }).strict(),
  z.object({ type: z.literal('setup-reset') }).strict(),
  z.object({ type: z.literal('setup-switch'), key: z.string().max(128) }).strict(),
  z.object({ type: z.literal('setup-forget'), key: z.string().max(128) }).strict(),
  z.object({ type: z.literal('preflight-set'), on: z.boolean() }).strict(),
  // The popup's question: only answered to the extension's own pages.
  z.object({ type: z.literal('popup-get') }).strict(),
]);
export type ToWorker = z.infer<typeof toWorkerSchema>;
