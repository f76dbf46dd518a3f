/** Every text a technician may read about a rendering, in one place so the wording stays consistent. */
export const warningTexts = {
  unsignedProfile: () => 'Profil Apple non signé : l’iPad l’affichera comme « non vérifié ».',
  duplicateApp: (identifier: string) => `Application « ${identifier} » présente deux fois : la seconde est ignorée.`,
  duplicateLink: (url: string) => `Lien « ${url} » présent deux fois : le second est ignoré.`,
  duplicateWifi: (ssid: string) => `Réseau Wi-Fi « ${ssid} » présent deux fois : le second est ignoré.`,
  invalidUrl: (title: string) => `« ${title} » : adresse invalide (http ou https attendu), ressource ignorée.`,
  wifiPasswordMissing: (ssid: string) => `Wi-Fi « ${ssid} » : mot de passe absent, réseau ignoré.`,
  wifiPasswordLength: (ssid: string) =>
    `Wi-Fi « ${ssid} » : le mot de passe WPA doit compter 8 à 63 caractères (ou 64 chiffres hexadécimaux), réseau ignoré.`,
  wifiSsidLength: (ssid: string) => `Wi-Fi « ${ssid} » : un SSID compte de 1 à 32 octets, réseau ignoré.`,
  appleEnterpriseWifi: (ssid: string) =>
    `Wi-Fi « ${ssid} » (WPA2 Entreprise) : configuré en PEAP/TTLS sans identifiant ni certificat serveur ; l’iPad demandera l’identifiant et le mot de passe à la première connexion.`,
  appleSupervisedOnly: (keys: string[]) =>
    `iPadOS : ${keys.join(', ')} ne s’appliquent qu’aux iPad supervisés (Apple School Manager ou Apple Configurator).`,
  appleDocumentNotBook: (title: string) =>
    `iPadOS : « ${title} » n’est ni un PDF ni un EPUB ; seul ce type de document peut être installé hors ligne par le MDM (app Livres). Publiez-le plutôt comme lien.`,
  androidEnterpriseWifi: (ssid: string) =>
    `Android : le Wi-Fi « ${ssid} » (WPA2 Entreprise) exige un domaine de certificat serveur que Socle ne connaît pas encore ; réseau ignoré.`,
  androidWpa3: (ssid: string) =>
    `Android : le Wi-Fi « ${ssid} » (WPA3) est déclaré en WPA-PSK ; un réseau WPA3 seul, sans mode de transition WPA2, peut refuser la connexion.`,
  androidProfileRemoval: () =>
    'Android : un appareil entièrement géré ne permet jamais de retirer la gestion ; « autoriser le retrait du profil » est sans effet.',
  androidDocumentsOnline: (count: number) =>
    `Android : ${count} document(s) ajouté(s) aux favoris de Chrome ; ils ne sont pas téléchargés pour un usage hors ligne.`,
  androidChromeBookmarksOverridden: () =>
    'Android : la configuration « ManagedBookmarks » saisie pour Chrome est remplacée par les ressources du profil.',
  agentDocumentChecksumMissing: (title: string) =>
    `Document « ${title} » sans empreinte SHA-256 : l’agent ne pourra pas vérifier le fichier téléchargé.`,
  agentDocumentChecksumInvalid: (title: string) =>
    `Document « ${title} » : empreinte SHA-256 invalide (64 caractères hexadécimaux attendus), elle est ignorée.`,
};
