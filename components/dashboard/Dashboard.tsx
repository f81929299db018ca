import { useState } from 'react';
import type { InteractionView } from '@/lib/messaging/protocol';
import { PLATFORMS, type Platform } from '@/lib/platforms/types';
import type { OwnProfiles } from '@/lib/storage';
import { useT } from '@/lib/i18n';

export interface DashboardProps {
  profiles: OwnProfiles;
  onSaveProfile(platform: Platform, profileUrl: string | null, displayName: string | null): void;
  weekStart: number;
  onWeekStart(day: number): void;
  interactions: InteractionView[];
}

const WEEKDAYS = ['weekdaySunday', 'weekdayMonday', 'weekdayTuesday', 'weekdayWednesday', 'weekdayThursday', 'weekdayFriday', 'weekdaySaturday'];

export function Dashboard(props: DashboardProps) {
  const t = useT();
  return (
    <div className="sd-settings">
      <section aria-labelledby="sd-profiles">
        <h2 id="sd-profiles">{t('settingsProfiles')}</h2>
        <p className="sd-muted">{t('settingsProfilesHelp')}</p>
        {PLATFORMS.filter((p) => p !== 'other').map((platform) => (
          <ProfileRow key={platform} platform={platform} profiles={props.profiles} onSave={props.onSaveProfile} />
        ))}
      </section>
      <section aria-labelledby="sd-week">
        <h2 id="sd-week">{t('settingsWeekStart')}</h2>
        <select aria-labelledby="sd-week" value={props.weekStart} onChange={(e) => props.onWeekStart(Number(e.target.value))}>
          {WEEKDAYS.map((key, day) => (
            <option key={key} value={day}>
              {t(key)}
            </option>
          ))}
        </select>
      </section>
      <section aria-labelledby="sd-log">
        <h2 id="sd-log">{t('logTitle')}</h2>
        {props.interactions.length === 0 ? (
          <p className="sd-muted">{t('logEmpty')}</p>
        ) : (
          <table className="sd-log">
            <thead>
              <tr>
                <th scope="col">{t('logWhen')}</th>
                <th scope="col">{t('logPlatform')}</th>
                <th scope="col">{t('logWho')}</th>
                <th scope="col">{t('logText')}</th>
                <th scope="col">{t('logStatus')}</th>
              </tr>
            </thead>
            <tbody>
              {props.interactions.map((i) => (
                <tr key={i.id} data-testid="log-row">
                  <td>{new Date(i.occurredAt).toLocaleString()}</td>
                  <td>{i.platform}</td>
                  <td>{i.actorName}</td>
                  <td className="sd-text">{i.text}</td>
                  <td>{t(`status_${i.kind === 'reply_sent' ? 'yours' : i.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}

function ProfileRow({ platform, profiles, onSave }: { platform: Platform; profiles: OwnProfiles; onSave: DashboardProps['onSaveProfile'] }) {
  const t = useT();
  const current = profiles[platform];
  const [url, setUrl] = useState(current?.profileUrl ?? '');
  const [invalid, setInvalid] = useState(false);
  return (
    <form
      className="sd-row"
      onSubmit={(e) => {
        e.preventDefault();
        const value = url.trim();
        if (value && !/^https:\/\/[^/\s]+\/\S*$/.test(value)) {
          setInvalid(true);
          return;
        }
        setInvalid(false);
        onSave(platform, value || null, current?.displayName ?? null);
      }}
    >
      <label>
        {t(`platform_${platform}`)}{' '}
        <input
          type="url"
          value={url}
          placeholder="https://"
          aria-invalid={invalid}
          onChange={(e) => setUrl(e.target.value)}
          size={48}
        />
      </label>
      {current && !current.confirmed && <span className="sd-muted"> {t('settingsDetected')}</span>}
      <button type="submit">{t('save')}</button>
      {invalid && <span role="alert"> {t('settingsInvalidUrl')}</span>}
    </form>
  );
}
