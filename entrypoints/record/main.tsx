import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import browser from 'webextension-polyfill';
import { RecordForm, type RecordMode, type RecordSubmission } from '@/components/record/RecordForm';
import '@/components/ui/page.css';
import { I18nContext, type Translate } from '@/lib/i18n';
import { request } from '@/lib/messaging/client';
import { platformOfHost } from '@/lib/platforms/hosts';

const t: Translate = (key, subs) => browser.i18n.getMessage(key, subs) || key;
const params = new URLSearchParams(location.search);

async function save(s: RecordSubmission) {
  const host = new URL(s.url).hostname;
  const platform = platformOfHost(host) ?? 'other';
  if (s.mode === 'inspiration') {
    await request({
      type: 'UI_SAVE_INSPIRATION',
      inspiration: {
        platform,
        postId: null,
        url: s.url,
        authorName: s.source || host,
        authorUrl: null,
        text: s.text,
        mediaKind: 'unknown',
        mediaUrl: null,
        publishedAt: null,
        counts: null,
        savedFromUrl: params.get('page') ?? s.url,
        tags: s.tags,
        note: s.note,
      },
    });
  } else {
    await request({
      type: 'UI_RECORD_INTERACTION',
      interaction: { kind: s.kind, platform, url: s.url, actorName: s.actorName, text: s.text, occurredAt: s.occurredAt },
    });
  }
}

const initial = {
  mode: (params.get('mode') as RecordMode | null) ?? 'inspiration',
  url: params.get('url') ?? '',
  source: params.get('source') ?? '',
  text: params.get('text') ?? '',
};

function RecordPage() {
  // The library's tags, most used first, as suggestions.
  const [tags, setTags] = useState<string[]>([]);
  useEffect(() => {
    request({ type: 'UI_LIBRARY_FACETS' }).then(
      (f) => setTags(f.tags.map((x) => x.tag)),
      () => undefined,
    );
  }, []);
  return <RecordForm initial={initial} now={Date.now()} onSubmit={save} onClose={() => window.close()} tagSuggestions={tags} />;
}

document.documentElement.lang = browser.i18n.getUILanguage();
createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <I18nContext.Provider value={t}>
      <main className="sd-dashboard">
        <RecordPage />
      </main>
    </I18nContext.Provider>
  </StrictMode>,
);
