import { exportBackup, importBackup, parseBackup, previewImport } from '../db/backup';
import { recordCapture, setCommentStatus } from '../db/capture';
import { saveInspiration } from '../db/inspirations';
import { createLibraryHandlers } from './library-handlers';
import { cleanupSnapshots, deleteAllData, storageUsage } from '../db/maintenance';
import { recordManualInteraction } from '../db/manual';
import type { SocialDeskDB } from '../db/schema';
import { getWeekStats } from '../db/stats';
import { exportInteractionsBatch, exportSnapshotsBatch, latestInteractions, listOwnPosts, postHistory } from '../db/history';
import { listWeeklySummaries } from '../db/summaries';
import { listWaitingComments } from '../db/queue';
import type { Handlers } from '../messaging/router';
import {
  deleteTemplate,
  ensureStarterTemplates,
  listTemplates,
  recordTemplateUse,
  restoreStarterTemplates,
  saveTemplate,
  templateStats,
  templateView,
} from '../db/templates';
import type { TemplateSyncStatus } from '../messaging/protocol';
import type { OwnProfiles, SettingsValues } from '../storage';
import { addDays, currentWeekWindow, defaultTimeZone, isValidTimeZone } from '../stats/days';

/** What the handlers need from settings; the background passes the wxt storage items, tests pass plain values. */
export interface SettingsAccess {
  getOwnProfiles(): Promise<OwnProfiles>;
  setOwnProfiles(value: OwnProfiles): Promise<void>;
  getWeekStart(): Promise<number>;
  getTimeZone(): Promise<string>;
  /** Every settings item, for backup and restore (lib/storage.ts readAllSettings / writeAllSettings / clearAllSettings). */
  getAllSettings(): Promise<SettingsValues>;
  setAllSettings(values: SettingsValues): Promise<void>;
  clearAllSettings(): Promise<void>;
  now(): number;
  /** Since when writes are refused for want of room (lib/background/storage-state.ts); absent in tests that do not need it. */
  storageFullSince?(): Promise<number | null>;
  /** Templates in the browser's sync storage (lib/templates/sync.ts); absent in tests that do not need it. */
  templateSync?: {
    push(): Promise<TemplateSyncStatus>;
    status(): Promise<TemplateSyncStatus>;
    clear(): Promise<void>;
  };
}

const SYNC_UNAVAILABLE: TemplateSyncStatus = { state: 'unavailable', bytes: 0, limit: 0, at: null };

const DAY_MS = 86_400_000;

export async function resolveTimeZone(settings: SettingsAccess): Promise<string> {
  const tz = await settings.getTimeZone();
  return tz && isValidTimeZone(tz) ? tz : defaultTimeZone();
}

/** What the handlers do in the browser's tabs; the background passes `scripting`, tests a fake. */
export interface TabAccess {
  /** Injects the panel's UI script (lib/content/panel-ui.ts PANEL_UI_FILE) into that frame's isolated world. */
  injectPanelUi(tabId: number, frameId: number): Promise<void>;
  /** Injects one of the extension's content script bundles (a loader could not import it) into that frame. */
  startContentScript(tabId: number, frameId: number, script: string): Promise<void>;
}

export function createHandlers(db: SocialDeskDB, settings: SettingsAccess, tabs: TabAccess | null = null): Handlers {
  /** The tab access and the asking frame, for a script injected into it. */
  const frameOf = (sender: { tab?: { id?: number }; frameId?: number }, what: string) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined || tabs === null) throw new Error(`${what} only into a tab.`);
    return { tabs, tabId, frameId: sender.frameId ?? 0 };
  };
  return {
    ...createLibraryHandlers(db, () => settings.now()),
    async CS_LOAD_PANEL_UI(_message, sender) {
      const { tabs, tabId, frameId } = frameOf(sender, 'The panel can be loaded');
      await tabs.injectPanelUi(tabId, frameId);
      return { loaded: true as const };
    },
    async CS_START_CONTENT({ script }, sender) {
      const { tabs, tabId, frameId } = frameOf(sender, 'A content script can be started');
      await tabs.startContentScript(tabId, frameId, script);
      return { started: true as const };
    },
    async CS_CAPTURE_PAGE({ reading }) {
      const profiles = await settings.getOwnProfiles();
      let own = profiles[reading.platform];
      // The signed-in member shown by the page is a detection, kept until the user confirms or corrects it.
      if (!own && reading.ownIdentity) {
        own = { profileUrl: reading.ownIdentity.profileUrl, displayName: reading.ownIdentity.name, confirmed: false, detectedAt: settings.now() };
        await settings.setOwnProfiles({ ...profiles, [reading.platform]: own });
      }
      const timeZone = await resolveTimeZone(settings);
      return recordCapture(db, reading, { now: settings.now(), timeZone, ownProfileUrl: own ? own.profileUrl : null });
    },
    async CS_SET_COMMENT_STATUS({ interactionId, status }) {
      const timeZone = await resolveTimeZone(settings);
      return { status: await setCommentStatus(db, interactionId, status, { timeZone }) };
    },
    async UI_SET_COMMENT_STATUS({ interactionId, status }) {
      const timeZone = await resolveTimeZone(settings);
      return { status: await setCommentStatus(db, interactionId, status, { timeZone }) };
    },
    async UI_LIST_WAITING({ limit }) {
      return listWaitingComments(db, limit);
    },
    async UI_GET_WEEK_STATS({ now }) {
      const [timeZone, weekStart] = await Promise.all([resolveTimeZone(settings), settings.getWeekStart()]);
      return getWeekStats(db, { now: now ?? settings.now(), timeZone, weekStart });
    },
    async UI_SAVE_INSPIRATION({ inspiration }) {
      const row = await saveInspiration(db, inspiration, settings.now());
      return { key: row.key, savedAt: row.savedAt, updatedAt: row.updatedAt };
    },
    async UI_RECORD_INTERACTION({ interaction }) {
      const timeZone = await resolveTimeZone(settings);
      const row = await recordManualInteraction(db, interaction, settings.now(), { timeZone });
      return { id: row.id };
    },
    async UI_EXPORT_BACKUP() {
      return exportBackup(db, await settings.getAllSettings(), settings.now());
    },
    async UI_PREVIEW_IMPORT({ text }) {
      const parsed = parseBackup(text);
      if (!parsed.ok) return parsed;
      return { ok: true, summary: parsed.summary, plan: await previewImport(db, parsed.backup, await settings.getAllSettings()) };
    },
    async UI_IMPORT_BACKUP({ text }) {
      // Checked again here: what the page previewed is not trusted to be what it sends now.
      const parsed = parseBackup(text);
      if (!parsed.ok) return parsed;
      const result = await importBackup(db, parsed.backup, {
        readSettings: () => settings.getAllSettings(),
        writeSettings: (values) => settings.setAllSettings(values),
      });
      return { ok: true, result };
    },
    async UI_STORAGE_USAGE() {
      return storageUsage(db);
    },
    async UI_STORAGE_STATE() {
      return { fullSince: settings.storageFullSince ? await settings.storageFullSince() : null };
    },
    async UI_CLEANUP_SNAPSHOTS({ olderThanDays }) {
      const timeZone = await resolveTimeZone(settings);
      return { deleted: await cleanupSnapshots(db, olderThanDays * DAY_MS, settings.now(), { timeZone }) };
    },
    async UI_DELETE_ALL_DATA() {
      const deletedRows = await deleteAllData(db);
      await settings.clearAllSettings();
      // The templates' copy in sync storage is the user's data too (lib/templates/sync.ts).
      await settings.templateSync?.clear();
      return { deletedRows };
    },
    async UI_LIST_WEEKLY_SUMMARIES({ limit }) {
      const [timeZone, weekStart] = await Promise.all([resolveTimeZone(settings), settings.getWeekStart()]);
      const now = settings.now();
      const rows = await listWeeklySummaries(db, { now, timeZone, weekStart }, limit);
      const nextSummaryDay = addDays(currentWeekWindow(now, timeZone, weekStart).start, 7);
      return { weekStart, timeZone, nextSummaryDay, summaries: rows.map((r) => r.summary) };
    },
    async UI_EXPORT_INTERACTIONS({ after, limit }) {
      return exportInteractionsBatch(db, after, limit);
    },
    async UI_EXPORT_SNAPSHOTS({ after, limit }) {
      return exportSnapshotsBatch(db, after, limit);
    },
    async UI_LIST_OWN_POSTS({ before, limit }) {
      return listOwnPosts(db, before, limit);
    },
    async UI_GET_POST_HISTORY({ postKey }) {
      return postHistory(db, postKey);
    },
    async CS_LIST_TEMPLATES({ platform, language }) {
      await ensureStarterTemplates(db, settings.now());
      const [rows, all] = await Promise.all([listTemplates(db, { platform, language }, settings.now()), settings.getAllSettings()]);
      const own = all.ownProfiles[platform];
      return { templates: rows.map(templateView), campaign: all.templateCampaign, myName: own ? own.displayName : null };
    },
    async CS_RECORD_TEMPLATE_USE({ templateId, commentInteractionId }) {
      // Usage counts stay on this machine: nothing to sync.
      return recordTemplateUse(db, templateId, commentInteractionId, settings.now());
    },
    async UI_LIST_TEMPLATES({ platform, language, query }) {
      await ensureStarterTemplates(db, settings.now());
      const rows = await listTemplates(db, { platform, language, query }, settings.now());
      const sync = settings.templateSync ? await settings.templateSync.status() : SYNC_UNAVAILABLE;
      return { templates: rows.map(templateView), sync };
    },
    async UI_SAVE_TEMPLATE({ template }) {
      const result = await saveTemplate(db, template, settings.now());
      if (!result.ok) return result;
      const sync = settings.templateSync ? await settings.templateSync.push() : SYNC_UNAVAILABLE;
      return { ok: true, template: templateView(result.template), sync };
    },
    async UI_DELETE_TEMPLATE({ id }) {
      const deleted = await deleteTemplate(db, id, settings.now());
      const sync = settings.templateSync ? await settings.templateSync.push() : SYNC_UNAVAILABLE;
      return { deleted, sync };
    },
    async UI_RESTORE_STARTER_TEMPLATES({ languages }) {
      const restored = await restoreStarterTemplates(db, languages, settings.now());
      const sync = settings.templateSync ? await settings.templateSync.push() : SYNC_UNAVAILABLE;
      return { restored, sync };
    },
    async UI_TEMPLATE_STATS() {
      return templateStats(db);
    },
    async UI_LIST_INTERACTIONS({ limit }) {
      const rows = await latestInteractions(db, limit);
      return rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        platform: r.platform,
        actorName: r.actorName,
        text: r.text,
        occurredAt: r.occurredAt,
        status: r.status,
      }));
    },
  };
}
