import type { ProfileResource } from '../profile-content';

export const CHROME_PACKAGE = 'com.android.chrome';

type Bookmark = { toplevel_name: string } | { name: string; url: string } | { name: string; children: Bookmark[] };

/**
 * Chrome's `ManagedBookmarks` policy. On Android the managed configuration declares it as a string,
 * so the list travels JSON-encoded. Documents get their own folder: they open online only.
 */
export function chromeManagedBookmarks(
  folderName: string,
  links: ProfileResource[],
  documents: ProfileResource[],
): string | undefined {
  if (links.length === 0 && documents.length === 0) return undefined;
  const bookmarks: Bookmark[] = [{ toplevel_name: folderName }, ...links.map(bookmarkOf)];
  if (documents.length > 0) bookmarks.push({ name: 'Documents', children: documents.map(bookmarkOf) });
  return JSON.stringify(bookmarks);
}

function bookmarkOf(resource: ProfileResource): Bookmark {
  return { name: resource.title, url: resource.url };
}
