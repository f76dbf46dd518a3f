import type { AppCategory, ProfileRestrictions, ResourceKind, WifiSecurity } from '../profile-content';

export const AGENT_PROFILE_FORMAT = 'socle.agent.profile/v1';

/** Socle's own profile format for laptops running the Socle agent; described in AGENT_FORMAT.md. */
export interface AgentProfileV1 {
  format: typeof AGENT_PROFILE_FORMAT;
  profile: { id: string; version: number; name: string; description: string | null };
  collectivite: { id: string; name: string };
  osFamily: 'windows' | 'chromeos' | 'linux';
  apps: AgentApp[];
  resources: AgentResource[];
  documents: AgentDocument[];
  wifi: AgentWifi[];
  restrictions: ProfileRestrictions;
}

export interface AgentApp {
  identifier: string;
  name: string;
  category: AppCategory;
  managedConfiguration: Record<string, unknown> | null;
}

export interface AgentResource {
  kind: Exclude<ResourceKind, 'document'>;
  title: string;
  url: string;
}

export interface AgentDocument {
  title: string;
  url: string;
  sha256: string | null;
}

export interface AgentWifi {
  ssid: string;
  security: WifiSecurity;
  password: string | null;
  autoJoin: boolean;
  hidden: boolean;
}
