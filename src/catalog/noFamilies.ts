/**
 * Stands in for gen/all in the site's client bundle (src/plugins/catalog-families):
 * no family data by default; each page imports the families it shows.
 */
export {};
