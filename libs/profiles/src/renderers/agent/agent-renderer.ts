import { appsFor, documentsOf, linksOf, usableWifi } from '../content-selection';
import { profileFileName } from '../file-name';
import type { ProfileContent, ProfileResource, ProfileRestrictions } from '../profile-content';
import type { RenderedProfile } from '../rendered-profile';
import { warningTexts } from '../warning-texts';
import { AGENT_PROFILE_FORMAT, AgentDocument, AgentProfileV1, AgentResource } from './agent-profile.types';

type AgentOsFamily = AgentProfileV1['osFamily'];

export function renderAgentProfile(content: ProfileContent, osFamily: AgentOsFamily): RenderedProfile {
  const warnings: string[] = [];
  return {
    osFamily,
    contentType: 'application/json',
    body: buildAgentProfile(content, osFamily, warnings),
    fileName: profileFileName(content, `.${osFamily}.socle-agent.json`),
    warnings,
  };
}

/** No timestamps and a fixed key order: re-rendering a version gives the same JSON, which the agent can compare. */
export function buildAgentProfile(
  content: ProfileContent,
  osFamily: AgentOsFamily,
  warnings: string[],
): AgentProfileV1 {
  return {
    format: AGENT_PROFILE_FORMAT,
    profile: {
      id: content.profileId,
      version: content.version,
      name: content.name,
      description: content.description ?? null,
    },
    collectivite: { id: content.collectivite.id, name: content.collectivite.name },
    osFamily,
    apps: appsFor(content, osFamily, warnings).map((app) => ({
      identifier: app.identifier,
      name: app.name,
      category: app.category,
      managedConfiguration: app.managedConfiguration ?? null,
    })),
    resources: linksOf(content, warnings).map((link) => ({
      kind: link.kind as AgentResource['kind'],
      title: link.title,
      url: link.url,
    })),
    documents: documentsOf(content, warnings).map((document) => agentDocument(document, warnings)),
    wifi: usableWifi(content, warnings).map((network) => ({
      ssid: network.ssid,
      security: network.security,
      password: network.security === 'none' ? null : (network.password ?? null),
      autoJoin: network.autoJoin ?? true,
      hidden: network.hidden ?? false,
    })),
    restrictions: definedRestrictions(content.restrictions),
  };
}

const SHA256_HEX = /^[0-9a-f]{64}$/i;

function agentDocument(document: ProfileResource, warnings: string[]): AgentDocument {
  if (!document.checksum) warnings.push(warningTexts.agentDocumentChecksumMissing(document.title));
  else if (!SHA256_HEX.test(document.checksum))
    warnings.push(warningTexts.agentDocumentChecksumInvalid(document.title));
  const sha256 = document.checksum && SHA256_HEX.test(document.checksum) ? document.checksum.toLowerCase() : null;
  return { title: document.title, url: document.url, sha256 };
}

const RESTRICTION_KEYS: (keyof ProfileRestrictions)[] = [
  'allowCamera',
  'allowAppInstallation',
  'allowProfileRemoval',
  'allowErase',
  'allowScreenshots',
  'allowBluetoothModification',
  'allowAppRemoval',
];

/** Only the known flags, and only those set: an absent flag means "leave the laptop's own setting". */
function definedRestrictions(restrictions: ProfileRestrictions): ProfileRestrictions {
  const defined: ProfileRestrictions = {};
  for (const key of RESTRICTION_KEYS) {
    if (typeof restrictions[key] === 'boolean') defined[key] = restrictions[key];
  }
  return defined;
}
