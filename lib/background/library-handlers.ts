import { deleteInspirations, editInspiration, recordSightings, saveInspiration } from '../db/inspirations';
import { countHistory, libraryAuthors, libraryFacets, libraryKeys, libraryRows, queryLibrary, toItem, topTags } from '../db/library';
import type { SocialDeskDB } from '../db/schema';
import type { Handlers } from '../messaging/router';

type LibraryHandlers = Pick<
  Handlers,
  | 'CS_SAVE_POST'
  | 'CS_EDIT_SAVED'
  | 'CS_UNSAVE'
  | 'CS_SEEN_POSTS'
  | 'UI_LIBRARY_QUERY'
  | 'UI_LIBRARY_KEYS'
  | 'UI_LIBRARY_FACETS'
  | 'UI_LIBRARY_AUTHORS'
  | 'UI_LIBRARY_EDIT'
  | 'UI_LIBRARY_DELETE'
  | 'UI_LIBRARY_EXPORT'
  | 'UI_LIBRARY_HISTORY'
>;

/** The inspiration library's messages: the feed's Save action and sightings (content scripts), the dashboard's library. */
export function createLibraryHandlers(db: SocialDeskDB, now: () => number): LibraryHandlers {
  return {
    async CS_SAVE_POST({ pageUrl, post }) {
      const row = await saveInspiration(
        db,
        {
          platform: post.platform,
          postId: post.postId,
          url: post.url,
          authorName: post.author.name,
          authorUrl: post.author.profileUrl,
          text: post.text,
          mediaKind: post.mediaKind,
          mediaUrl: post.mediaUrl,
          publishedAt: post.publishedAt?.at ?? null,
          counts: post.counts,
          savedFromUrl: pageUrl,
          tags: null,
          note: null,
        },
        now(),
      );
      const { created, ...saved } = row;
      return { item: toItem(saved), created, suggestedTags: await topTags(db) };
    },
    async CS_EDIT_SAVED({ key, tags, note }) {
      return { item: toItem(await editInspiration(db, key, tags, note, now())) };
    },
    async CS_UNSAVE({ key }) {
      return { deleted: await deleteInspirations(db, [key]) };
    },
    async CS_SEEN_POSTS({ posts }) {
      return { saved: await recordSightings(db, posts, now()) };
    },
    async UI_LIBRARY_QUERY({ filter, sort, direction, offset, limit }) {
      return queryLibrary(db, { filter, sort, direction, offset, limit });
    },
    async UI_LIBRARY_KEYS({ filter }) {
      return { keys: await libraryKeys(db, filter) };
    },
    async UI_LIBRARY_FACETS() {
      return libraryFacets(db);
    },
    async UI_LIBRARY_AUTHORS() {
      return libraryAuthors(db);
    },
    async UI_LIBRARY_EDIT({ key, tags, note }) {
      return { item: toItem(await editInspiration(db, key, tags, note, now())) };
    },
    async UI_LIBRARY_DELETE({ target }) {
      const keys = target.kind === 'all' ? ((await db.inspirations.toCollection().primaryKeys()) as string[]) : target.keys;
      return { deleted: await deleteInspirations(db, keys) };
    },
    async UI_LIBRARY_EXPORT({ filter, sort, direction }) {
      return { items: await libraryRows(db, filter, sort, direction) };
    },
    async UI_LIBRARY_HISTORY({ key }) {
      return { snapshots: await countHistory(db, key) };
    },
  };
}
