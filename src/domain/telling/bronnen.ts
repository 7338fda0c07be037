/**
 * Legal sources of the count (telling.md). Every rule names one of these, so that a
 * figure can be traced from the code to the article it applies.
 */
export interface Bron {
  readonly titel: string;
  readonly url: string;
}

export const REGELING_VSV_VO: Bron = {
  titel: 'Regeling regionale aanpak voortijdig schoolverlaten en prestatiesubsidie voortgezet onderwijs, art. 2 (BWBR0031387)',
  url: 'https://wetten.overheid.nl/BWBR0031387/',
};

export const REGELING_PRESTATIEBOX_MBO: Bron = {
  titel: 'Regeling prestatiebox mbo, Bijlage A (BWBR0031390)',
  url: 'https://wetten.overheid.nl/BWBR0031390/',
};

export const LEERPLICHTWET_VRIJSTELLINGEN: Bron = {
  titel: 'Leerplichtwet 1969, art. 5 en 15 (BWBR0002628)',
  url: 'https://wetten.overheid.nl/BWBR0002628/',
};

export const TELLING_MD: Bron = {
  titel: 'Binnenboord telling.md (publiek contract van de telling)',
  url: '../shared/spec/telling.md',
};

/** The version of the count definition that every stored run records. */
export const DEFINITIEVERSIE = 'vsv-telling 1.0 (telling.md, regelingen 2012/2016)';
