import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useT, type Translate } from '@/lib/i18n';
import type { TemplateInput, TemplateView, ResponseData } from '@/lib/messaging/protocol';
import { PLATFORMS, type Platform } from '@/lib/platforms/types';
import { firstNameOf, renderTemplate, TEMPLATE_VARIABLES, validateTemplate, type TemplateError } from '@/lib/templates/engine';
import {
  isValidShortCode,
  MAX_CATEGORY,
  MAX_SHORT_CODE,
  MAX_TEMPLATE_BODY,
  MAX_TEMPLATE_NAME,
  normalizeShortCode,
  TEMPLATE_CATEGORIES,
  TEMPLATE_LANGUAGES,
  type TemplateLanguage,
} from '@/lib/templates/model';

export type SaveAnswer = ResponseData<'UI_SAVE_TEMPLATE'>;

export interface TemplateEditorProps {
  /** The template being edited, or the starting values of a new one (id null). */
  initial: TemplateInput;
  /** Names of the other templates' short codes, to warn before saving. */
  shortCodesInUse: ReadonlyMap<string, string>;
  campaign: string;
  /** The user's own name for {my_name} in the preview (their profile's name), if known. */
  myName: string | null;
  now: number;
  onSave(input: TemplateInput): Promise<SaveAnswer>;
  onCancel(): void;
}

const REPLY_PLATFORMS = PLATFORMS.filter((p) => p !== 'other');
const LANGUAGE_KEY: Record<TemplateLanguage, string> = {
  en: 'templateLanguage_en',
  'zh-TW': 'templateLanguage_zh_TW',
  'zh-HK': 'templateLanguage_zh_HK',
  any: 'templateLanguage_any',
};
export const languageLabel = (language: string, t: Translate) => t(LANGUAGE_KEY[language as TemplateLanguage] ?? 'templateLanguage_any');
export const isBuiltInCategory = (c: string) => (TEMPLATE_CATEGORIES as readonly string[]).includes(c);
export const categoryLabel = (c: string, t: Translate) => (isBuiltInCategory(c) ? t(`templateCategory_${c}`) : c);

/** A sample post address per platform, for {post_url} in the preview. */
const SAMPLE_POST_URL: Record<Platform, string> = {
  linkedin: 'https://www.linkedin.com/feed/update/urn:li:activity:7200000000000000000/',
  facebook: 'https://www.facebook.com/yourpage/posts/1234567890',
  instagram: 'https://www.instagram.com/p/C0ffeeBeans/',
  x: 'https://x.com/yourshop/status/1800000000000000000',
  youtube: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
  threads: 'https://www.threads.net/@yourshop/post/C0ffee',
  tiktok: 'https://www.tiktok.com/@yourshop/video/7300000000000000000',
  other: 'https://example.com/',
};

/** One line per error, in the editor's words. */
export function describeTemplateError(error: TemplateError, body: string, t: Translate): string {
  const what = t(`templateError_${error.code}`, error.detail ?? body.slice(error.start, error.end));
  // Characters as a person counts them (an emoji is one), from 1.
  const position = [...body.slice(0, error.start)].length + 1;
  return t('templateErrorAt', [what, String(position)]);
}

/**
 * Creates or edits one template: its fields, the text with buttons that insert
 * variables, errors as they are typed (with where they are), and a live preview
 * filled with sample values. Only props: the page does the saving.
 */
export function TemplateEditor(props: TemplateEditorProps) {
  const t = useT();
  const id = useId();
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const [name, setName] = useState(props.initial.name);
  const [body, setBody] = useState(props.initial.body);
  const [category, setCategory] = useState(props.initial.category);
  const [customCategory, setCustomCategory] = useState(!isBuiltInCategory(props.initial.category));
  const [language, setLanguage] = useState<TemplateLanguage>(props.initial.language);
  const [platforms, setPlatforms] = useState<Platform[]>(props.initial.platforms);
  const [shortCode, setShortCode] = useState(props.initial.shortCode ?? '');
  const [sampleName, setSampleName] = useState(t('templateSampleName'));
  const [samplePlatform, setSamplePlatform] = useState<Platform>(props.initial.platforms[0] ?? 'facebook');
  const [seed, setSeed] = useState(1);
  const [saving, setSaving] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);

  // Opened from a template far down the list: bring the editor into view, ready to type.
  useEffect(() => {
    const form = formRef.current;
    if (!form) return;
    form.scrollIntoView({ block: 'start', behavior: 'smooth' });
    nameRef.current?.focus({ preventScroll: true });
  }, []);

  const errors = useMemo(() => validateTemplate(body), [body]);
  const preview = useMemo(
    () =>
      renderTemplate(
        body,
        {
          first_name: firstNameOf(sampleName),
          name: sampleName,
          my_name: props.myName ?? t('templateSampleMyName'),
          platform: t(`platform_${samplePlatform}`),
          post_url: SAMPLE_POST_URL[samplePlatform],
          date: new Date(props.now).toLocaleDateString(),
          campaign: props.campaign,
        },
        { seed },
      ),
    [body, sampleName, samplePlatform, seed, props.myName, props.campaign, props.now, t],
  );
  // Syntax errors are listed once (from validateTemplate); the preview adds only what values are missing.
  const previewOnly = preview.errors.filter((e) => e.code === 'missing_value');

  const code = normalizeShortCode(shortCode);
  const codeInvalid = code !== null && !isValidShortCode(code);
  const codeOwner = code !== null ? props.shortCodesInUse.get(code) : undefined;
  const canSave = name.trim() !== '' && body.trim() !== '' && category.trim() !== '' && errors.length === 0 && !codeInvalid && codeOwner === undefined && !saving;

  function insertAtCursor(text: string) {
    const area = bodyRef.current;
    const start = area ? area.selectionStart : body.length;
    const end = area ? area.selectionEnd : body.length;
    const next = body.slice(0, start) + text + body.slice(end);
    setBody(next);
    requestAnimationFrame(() => {
      if (!area) return;
      area.focus();
      area.setSelectionRange(start + text.length, start + text.length);
    });
  }

  function selectError(error: TemplateError) {
    const area = bodyRef.current;
    if (!area) return;
    area.focus();
    area.setSelectionRange(error.start, error.end);
  }

  async function save() {
    setSaving(true);
    setServerError(null);
    try {
      const answer = await props.onSave({
        id: props.initial.id,
        name: name.trim(),
        body,
        category: category.trim(),
        language,
        platforms,
        shortCode: code,
      });
      if (!answer.ok) {
        if (answer.reason === 'short_code_taken') setServerError(t('templateShortCodeTaken', [code ?? '', answer.conflictName ?? '']));
        else if (answer.reason === 'short_code_invalid') setServerError(t('templateShortCodeInvalid'));
        else if (answer.reason === 'not_found') setServerError(t('templateNotFound'));
        else setServerError(answer.errors.map((e) => describeTemplateError(e, body, t)).join(' '));
      }
    } catch (error) {
      setServerError(t('templatesError', error instanceof Error ? error.message : String(error)));
    } finally {
      setSaving(false);
    }
  }

  return (
    <form
      ref={formRef}
      className="sd-template-editor"
      aria-labelledby={`${id}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        if (canSave) void save();
      }}
    >
      <h3 id={`${id}-title`}>{props.initial.id === null ? t('templateEditorNewTitle') : t('templateEditorEditTitle', props.initial.name)}</h3>
      <div className="sd-template-fields">
        <label>
          {t('templateFieldName')}
          <input ref={nameRef} value={name} maxLength={MAX_TEMPLATE_NAME} required onChange={(e) => setName(e.target.value)} />
        </label>
        <label>
          {t('templateFieldCategory')}
          <select
            value={customCategory ? '__custom' : category}
            onChange={(e) => {
              if (e.target.value === '__custom') {
                setCustomCategory(true);
                setCategory('');
              } else {
                setCustomCategory(false);
                setCategory(e.target.value);
              }
            }}
          >
            {TEMPLATE_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`templateCategory_${c}`)}
              </option>
            ))}
            <option value="__custom">{t('templateCategoryCustom')}</option>
          </select>
        </label>
        {customCategory && (
          <label>
            {t('templateFieldCustomCategory')}
            <input value={category} maxLength={MAX_CATEGORY} required onChange={(e) => setCategory(e.target.value)} />
          </label>
        )}
        <label>
          {t('templateFieldLanguage')}
          <select value={language} onChange={(e) => setLanguage(e.target.value as TemplateLanguage)}>
            {TEMPLATE_LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {languageLabel(l, t)}
              </option>
            ))}
          </select>
        </label>
        <div>
          <label htmlFor={`${id}-code`}>{t('templateFieldShortCode')}</label>
          <span className="sd-shortcode-input">
            /
            <input
              id={`${id}-code`}
              value={shortCode.replace(/^\/+/, '')}
              maxLength={MAX_SHORT_CODE}
              aria-invalid={codeInvalid || codeOwner !== undefined}
              aria-describedby={`${id}-code-help`}
              onChange={(e) => setShortCode(e.target.value)}
            />
          </span>
          <span id={`${id}-code-help`} className="sd-muted sd-help">
            {codeInvalid
              ? t('templateShortCodeInvalid')
              : codeOwner !== undefined
                ? t('templateShortCodeTaken', [code ?? '', codeOwner])
                : t('templateFieldShortCodeHelp')}
          </span>
        </div>
      </div>

      <fieldset className="sd-template-platforms">
        <legend>{t('templateFieldPlatforms')}</legend>
        {REPLY_PLATFORMS.map((p) => (
          <label key={p} className="sd-inline">
            <input
              type="checkbox"
              checked={platforms.includes(p)}
              onChange={(e) => setPlatforms(e.target.checked ? [...platforms, p] : platforms.filter((x) => x !== p))}
            />
            {t(`platform_${p}`)}
          </label>
        ))}
        <p className="sd-muted sd-help">{t('templateFieldPlatformsHelp')}</p>
      </fieldset>

      <label htmlFor={`${id}-body`}>{t('templateFieldBody')}</label>
      <div className="sd-row" role="group" aria-label={t('templateInsertVariable')}>
        <span className="sd-muted">{t('templateInsertVariable')}</span>
        {TEMPLATE_VARIABLES.map((v) => (
          <button key={v} type="button" className="sd-secondary sd-chip" onClick={() => insertAtCursor(`{${v}}`)}>
            {`{${v}}`}
          </button>
        ))}
        <button type="button" className="sd-secondary sd-chip" onClick={() => insertAtCursor('{link:https://}')}>
          {'{link:…}'}
        </button>
        <button type="button" className="sd-secondary sd-chip" onClick={() => insertAtCursor('{|}')}>
          {'{…|…}'}
        </button>
      </div>
      <textarea
        id={`${id}-body`}
        ref={bodyRef}
        className="sd-template-body"
        rows={6}
        value={body}
        maxLength={MAX_TEMPLATE_BODY}
        aria-invalid={errors.length > 0}
        aria-describedby={`${id}-body-help ${id}-errors`}
        onChange={(e) => setBody(e.target.value)}
      />
      <p id={`${id}-body-help`} className="sd-muted sd-help">
        {t('templateBodyHelp')}
      </p>
      <div id={`${id}-errors`} aria-live="polite">
        {errors.length > 0 && (
          <div className="sd-error" role="alert">
            <p>{t('templateErrorsTitle')}</p>
            <ul>
              {errors.map((e) => (
                <li key={`${e.code}-${e.start}`}>
                  <button type="button" className="sd-link" onClick={() => selectError(e)}>
                    {describeTemplateError(e, body, t)}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>

      <section className="sd-template-preview" aria-labelledby={`${id}-preview`}>
        <h4 id={`${id}-preview`}>{t('templatePreview')}</h4>
        <div className="sd-row">
          <label className="sd-inline">
            {t('templatePreviewSampleName')} <input value={sampleName} onChange={(e) => setSampleName(e.target.value)} />
          </label>
          <label className="sd-inline">
            {t('templatePreviewPlatform')}{' '}
            <select value={samplePlatform} onChange={(e) => setSamplePlatform(e.target.value as Platform)}>
              {REPLY_PLATFORMS.map((p) => (
                <option key={p} value={p}>
                  {t(`platform_${p}`)}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="sd-secondary" onClick={() => setSeed((s) => s + 1)}>
            {t('templatePreviewShuffle')}
          </button>
        </div>
        <div className="sd-template-preview-text" data-testid="template-preview">
          {preview.text}
        </div>
        {previewOnly.length > 0 && (
          <ul className="sd-muted">
            {previewOnly.map((e) => (
              <li key={`${e.code}-${e.start}-${e.detail ?? ''}`}>{describeTemplateError(e, body, t)}</li>
            ))}
          </ul>
        )}
      </section>

      {serverError && (
        <p className="sd-error" role="alert">
          {serverError}
        </p>
      )}
      <div className="sd-row">
        <button type="submit" disabled={!canSave}>
          {saving ? t('templateSaving') : t('templateSave')}
        </button>
        <button type="button" className="sd-secondary" onClick={props.onCancel}>
          {t('templatesCancel')}
        </button>
      </div>
    </form>
  );
}

export function templateToInput(t: TemplateView): TemplateInput {
  return {
    id: t.id,
    name: t.name,
    body: t.body,
    category: t.category,
    language: (TEMPLATE_LANGUAGES as readonly string[]).includes(t.language) ? (t.language as TemplateLanguage) : 'any',
    platforms: t.platforms,
    shortCode: t.shortCode,
  };
}
