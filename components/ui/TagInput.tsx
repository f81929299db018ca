import { useId, useState, type KeyboardEvent } from 'react';
import { useT } from '@/lib/i18n';

export interface TagInputProps {
  tags: string[];
  onChange(tags: string[]): void;
  /** Existing tags, most used first: offered as one-click additions. */
  suggestions: readonly string[];
  label: string;
  /** Most tags a post can have (lib/db/inspirations.ts MAX_TAGS). */
  max?: number;
  autoFocus?: boolean;
}

/** Splits typed text into tags: commas (also Chinese ，、), semicolons or new lines separate them; a leading # is dropped. */
export function splitTags(text: string): string[] {
  return text
    .split(/[,，、;；\n]+/)
    .map((t) => t.trim().replace(/^#+/, '').trim())
    .filter(Boolean);
}

function addTags(current: string[], added: string[], max: number): string[] {
  const out = [...current];
  for (const tag of added) {
    const clean = tag.slice(0, 60).toLowerCase();
    if (clean && !out.includes(clean) && out.length < max) out.push(clean);
  }
  return out;
}

/**
 * Tags as removable chips, a field to type new ones (Enter or a comma adds),
 * and the tags already in use as suggestions. Tags are stored lower-cased.
 */
export function TagInput({ tags, onChange, suggestions, label, max = 30, autoFocus }: TagInputProps) {
  const t = useT();
  const id = useId();
  const [text, setText] = useState('');
  const typed = text.trim().replace(/^#+/, '').toLowerCase();
  const offered = suggestions.filter((s) => !tags.includes(s) && (typed === '' || s.includes(typed))).slice(0, 8);

  const commit = () => {
    const added = splitTags(text);
    if (added.length) onChange(addTags(tags, added, max));
    setText('');
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
      // Enter adds the tag being typed; with nothing typed it submits the form as usual.
      if (text.trim()) {
        e.preventDefault();
        commit();
      }
    } else if (e.key === 'Backspace' && text === '' && tags.length > 0) {
      onChange(tags.slice(0, -1));
    }
  };

  return (
    <div className="sd-taginput">
      <label htmlFor={id}>{label}</label>
      <div className="sd-chips">
        {tags.map((tag) => (
          <span key={tag} className="sd-chip" data-testid="tag-chip">
            #{tag}
            <button type="button" className="sd-chip-remove" aria-label={t('tagRemove', tag)} onClick={() => onChange(tags.filter((x) => x !== tag))}>
              ×
            </button>
          </span>
        ))}
        <input
          id={id}
          value={text}
          autoFocus={autoFocus}
          placeholder={tags.length >= max ? '' : t('tagPlaceholder')}
          disabled={tags.length >= max}
          onChange={(e) => {
            const value = e.target.value;
            if (/[,，、;；]/.test(value)) {
              onChange(addTags(tags, splitTags(value), max));
              setText('');
            } else setText(value);
          }}
          onKeyDown={onKeyDown}
          onBlur={commit}
        />
      </div>
      {offered.length > 0 && (
        <div className="sd-suggestions" aria-label={t('tagSuggestions')} role="group">
          {offered.map((s) => (
            <button
              key={s}
              type="button"
              className="sd-suggestion"
              // Keeps the focus (and the half-typed text) in the field: the suggestion replaces what was typed.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => {
                onChange(addTags(tags, [s], max));
                setText('');
              }}
            >
              + #{s}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
