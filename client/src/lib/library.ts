import type { endpoints, QueryOf } from "@forum/shared/endpoints/index";

type LibraryApiQuery = QueryOf<typeof endpoints.knowledge.library>;

/** The library's filters as they appear in the page address (Polish names, so the map and tag pages can link in). */
export interface LibraryAddress {
  rodzaj: string;
  tag: string;
  typ: string;
  wojewodztwo: string;
  grupa: string;
  rok: string;
  strona: string;
}

export const LIBRARY_ADDRESS_KEYS = ["rodzaj", "tag", "typ", "wojewodztwo", "grupa", "rok", "strona"] as const;

/** `rodzaj` values in the address → the API's kinds. */
export const KIND_IN_ADDRESS = { praktyka: "practice", analiza: "analysis" } as const;

export function libraryAddressFrom(params: URLSearchParams): LibraryAddress {
  return Object.fromEntries(
    LIBRARY_ADDRESS_KEYS.map((key) => [key, params.get(key) ?? ""]),
  ) as unknown as LibraryAddress;
}

/**
 * The API query for an address, with only the filters that are set; unknown kinds are dropped rather than
 * refused. Other values go as typed in the address: the server checks them (a wrong one is answered 400).
 */
export function libraryApiQuery(address: LibraryAddress): LibraryApiQuery {
  const kind = KIND_IN_ADDRESS[address.rodzaj as keyof typeof KIND_IN_ADDRESS];
  const query: LibraryApiQuery = {
    kind,
    tag: address.tag,
    jstType: address.typ as LibraryApiQuery["jstType"],
    voivodeship: address.wojewodztwo,
    group: address.grupa,
    year: address.rok,
    page: address.strona,
  };
  return Object.fromEntries(Object.entries(query).filter(([, value]) => Boolean(value))) as LibraryApiQuery;
}
