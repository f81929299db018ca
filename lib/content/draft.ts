import type { TemplateView } from '../messaging/protocol';
import { PLATFORM_NAMES, type Platform } from '../platforms/types';
import { firstNameOf, renderTemplate, seedFrom, type TemplateError, type TemplateVars } from '../templates/engine';
import type { PickerState } from './replies';

/**
 * A reply draft: the picker's chosen template rendered for its comment. Only the
 * panel's UI (entrypoints/panel-ui) renders drafts, so the template engine is
 * loaded with it, when the picker opens, not on every page with the always-loaded
 * content script.
 */

/** What the reply controller knows when a draft is rendered (ReplyController.draftContext). */
export interface DraftContext {
  picker: PickerState | null;
  /** The signed-in profile's name, for `{my_name}` when the templates' settings give none. */
  identityName: string | null;
  platform: Platform;
  /** The UI language, for `{date}`. */
  locale: string;
  now: number;
}

/** The same comment and seed give the same draft; another seed may pick other alternatives of the template's `{a|b}` groups. */
export function renderDraft(context: DraftContext, template: TemplateView, seed: number): { text: string; errors: TemplateError[] } {
  const { picker } = context;
  const comment = picker?.target.comment ?? null;
  const name = comment?.author.name.trim() || undefined;
  const myName = picker?.myName || context.identityName;
  const vars: TemplateVars = {
    ...(name ? { name, first_name: firstNameOf(name) } : {}),
    ...(myName ? { my_name: myName } : {}),
    platform: PLATFORM_NAMES[context.platform],
    ...(picker?.target.postUrl ? { post_url: picker.target.postUrl } : {}),
    date: new Intl.DateTimeFormat(context.locale, { dateStyle: 'medium' }).format(context.now),
    campaign: picker?.campaign ?? '',
  };
  return renderTemplate(template.body, vars, { seed: seedFrom(comment?.commentId ?? template.id) + seed });
}
