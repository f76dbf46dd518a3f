import type { ProfileContent } from './profile-content';

/** ASCII only: the name travels in Content-Disposition headers and lands on Windows and macOS disks. */
export function profileFileName(content: ProfileContent, suffix: string): string {
  const slug = content.name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug || content.profileId}-v${content.version}${suffix}`;
}
