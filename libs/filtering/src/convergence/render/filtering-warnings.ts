/** Every text a technician may read about a filtering render, in one place. */
export const filteringWarnings = {
  appleCategories: (categories: string[]) =>
    `iPadOS : les catégories bloquées (${categories.join(', ')}) comptent bien plus d'adresses que l'iPad n'en accepte (≈ 500) ; ` +
    "le filtre automatique d'Apple (contenus pour adultes, AutoFilterEnabled) les remplace sur la tablette. Le filtrage complet par catégorie " +
    "se fait sur le résolveur DNS de l'école (export RPZ ou Unbound).",
  appleListTruncated: (key: string, kept: number, total: number) =>
    `iPadOS : ${total} entrées pour ${key}, l'iPad en accepte environ ${kept} ; seules les ${kept} premières (niveaux les plus précis d'abord) sont envoyées.`,
  appleAllowListTruncated: (kept: number, total: number) =>
    `iPadOS : ${total} sites autorisés en mode liste blanche, l'iPad n'en affiche que ${kept} ; les autres y restent bloqués.`,
  applePermittedWithoutFilter: () =>
    "iPadOS : les domaines autorisés n'ont d'effet qu'avec le filtre automatique ; sans catégorie bloquée, ils ne sont pas envoyés.",
  appleSafeSearch: () =>
    "iPadOS : la recherche sécurisée (Google, Bing, YouTube) ne se règle pas par profil ; elle est imposée par le résolveur DNS de l'école (export RPZ ou Unbound).",
  appleKidsEngine: () =>
    "iPadOS : Safari ne permet pas d'imposer Qwant Junior comme moteur ; il est ajouté aux sites autorisés en mode liste blanche seulement.",
  wildcardApproximated: (platform: string, domains: string[]) =>
    `${platform} : ${domains.join(', ')} ne peuvent viser les seuls sous-domaines ; le domaine lui-même est aussi concerné.`,
  androidCategories: (categories: string[]) =>
    `Android : les catégories bloquées (${categories.join(', ')}) dépassent la limite de Chrome (1 000 adresses) ; le filtre SafeSites de Google ` +
    "(contenus pour adultes) les remplace sur la tablette. Le filtrage complet par catégorie se fait sur le résolveur DNS de l'école (export RPZ ou Unbound).",
  androidListTruncated: (key: string, total: number) =>
    `Android : ${total} entrées pour ${key}, Chrome n'en lit que 1 000 ; seules les 1 000 premières (niveaux les plus précis d'abord) sont envoyées.`,
  androidBing: () =>
    "Android : Chrome n'impose pas la recherche sécurisée de Bing ; elle l'est par le résolveur DNS de l'école (export RPZ ou Unbound).",
};
