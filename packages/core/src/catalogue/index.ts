import { Catalogue } from './catalogue.js';
import { catalogueData } from './catalogue.generated.js';

export { Catalogue, CatalogueError } from './catalogue.js';
export type { Verdict, Scope, ResourceType, Action } from './catalogue.js';
export type * from './types.js';

let loaded: Catalogue | undefined;

/** The catalogue generated from `rules/catalogue.yaml`, built once per process. */
export function loadCatalogue(): Catalogue {
  loaded ??= new Catalogue(catalogueData);
  return loaded;
}
