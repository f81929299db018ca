import { kindMessageKey, reasonMessage, type Classification } from '@/lib/templates/classify';
import { useT } from '@/lib/i18n';

/** The classifier's guess in words, with its cues: "Looks like a question (請問)". Never stated as a fact. */
export function ClassifierHint({ classification: c }: { classification: Pick<Classification, 'kind' | 'reasons' | 'confidence'> }) {
  const t = useT();
  if (c.kind === 'neutral') return null;
  const cues = c.reasons
    .map(reasonMessage)
    .map((r) => t(r.key, r.cue))
    .filter((s) => s !== '');
  return (
    <p className="sd-hint" data-testid="queue-hint" data-kind={c.kind} title={t('classifyDisclaimer')}>
      {t(kindMessageKey(c.kind))}
      {cues.length > 0 && <span className="sd-muted"> · {cues.join(' · ')}</span>}
      {c.confidence === 'low' && <span className="sd-muted"> · {t('classifyConfidence_low')}</span>}
    </p>
  );
}
