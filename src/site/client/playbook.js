// @ts-check
/**
 * The playbook's only JavaScript, all of it progressive enhancement: every
 * page works without it.
 *
 * - The header's search box lists matches from /search.json as you type
 *   (without JavaScript the form submits to the search page).
 * - The search page filters its full list of pages (without JavaScript it
 *   shows them all).
 * - Tables marked data-sortable sort by any column (without JavaScript they
 *   keep the order they were built in).
 *
 * Plain JavaScript, served as a file: no bundler, nothing to compile.
 */

/** @typedef {{ t: string; u: string; k: string; s: string; x: string }} SearchEntry */

/**
 * Rank entries for a query: every word must appear somewhere in the entry;
 * title matches count most, then the summary, then the rest of the text.
 * @param {readonly SearchEntry[]} entries
 * @param {string} query
 * @param {number} limit
 * @returns {SearchEntry[]}
 */
function searchEntries(entries, query, limit) {
  const words = fold(query).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  if (words.length === 0) return [];
  /** @type {{ entry: SearchEntry; score: number }[]} */
  const scored = [];
  for (const entry of entries) {
    const title = fold(entry.t);
    const summary = fold(entry.s);
    const text = fold(entry.x);
    let score = 0;
    let all = true;
    for (const word of words) {
      const inTitle = title.includes(word) ? 10 + (title.startsWith(word) || title.includes(` ${word}`) ? 5 : 0) : 0;
      const s = inTitle + (summary.includes(word) ? 3 : 0) + (text.includes(word) ? 1 : 0);
      if (s === 0) {
        all = false;
        break;
      }
      score += s;
    }
    if (all) scored.push({ entry, score: score + (entry.k === "Page" ? 2 : 0) });
  }
  return scored
    .sort((a, b) => b.score - a.score || a.entry.t.localeCompare(b.entry.t))
    .slice(0, limit)
    .map((s) => s.entry);
}

/** @param {string} text */
function fold(text) {
  return text.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
}

/** @type {Promise<SearchEntry[]> | undefined} */
let index;
/** @param {string} url */
function loadIndex(url) {
  index ??= fetch(url).then((r) => /** @type {Promise<SearchEntry[]>} */ (r.json()));
  return index;
}

/** @param {string} tag @param {string} className @param {string} text */
function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  node.textContent = text;
  return node;
}

function enhanceSearchBox() {
  const form = /** @type {HTMLFormElement | null} */ (document.querySelector("form[data-search]"));
  const input = /** @type {HTMLInputElement | null | undefined} */ (form?.querySelector("input[type=search]"));
  const panel = /** @type {HTMLElement | null | undefined} */ (form?.querySelector(".search-results"));
  if (!form || !input || !panel) return;
  const base = form.dataset.base ?? "";
  const indexUrl = form.dataset.index ?? `${base}/search.json`;
  /** @type {SearchEntry[] | undefined} */
  let entries;
  const links = () => /** @type {HTMLAnchorElement[]} */ ([...panel.querySelectorAll("a")]);
  const close = () => {
    panel.hidden = true;
  };
  const render = () => {
    const query = input.value.trim();
    if (!entries || query === "") return close();
    const hits = searchEntries(entries, query, 12);
    panel.replaceChildren();
    if (hits.length === 0) {
      panel.append(element("p", "empty", `Nothing matches “${query}”.`));
    } else {
      const list = document.createElement("ol");
      for (const hit of hits) {
        const a = document.createElement("a");
        a.href = base + hit.u;
        a.append(element("span", "kind", hit.k), element("span", "title", hit.t), element("span", "summary", hit.s));
        const li = document.createElement("li");
        li.append(a);
        list.append(li);
      }
      panel.append(list);
    }
    panel.hidden = false;
  };
  const load = () =>
    loadIndex(indexUrl).then((e) => {
      entries = e;
      render();
    });
  input.addEventListener("focus", () => void loadIndex(indexUrl));
  input.addEventListener("input", () => void load());
  input.addEventListener("keydown", (event) => {
    if (event.key === "Escape") close();
    else if (event.key === "ArrowDown" && !panel.hidden) {
      event.preventDefault();
      links()[0]?.focus();
    }
  });
  panel.addEventListener("keydown", (event) => {
    const all = links();
    const i = all.indexOf(/** @type {HTMLAnchorElement} */ (document.activeElement));
    if (event.key === "ArrowDown") {
      event.preventDefault();
      all[Math.min(all.length - 1, i + 1)]?.focus();
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      if (i <= 0) input.focus();
      else all[i - 1]?.focus();
    } else if (event.key === "Escape") {
      close();
      input.focus();
    }
  });
  form.addEventListener("submit", (event) => {
    const first = links()[0];
    if (first && !panel.hidden) {
      event.preventDefault();
      window.location.href = first.href;
    }
  });
  document.addEventListener("click", (event) => {
    if (!form.contains(/** @type {Node} */ (event.target))) close();
  });
}

function enhanceSearchPage() {
  const root = /** @type {HTMLElement | null} */ (document.querySelector("[data-search-page]"));
  const input = /** @type {HTMLInputElement | null | undefined} */ (root?.querySelector("input[type=search]"));
  const status = root?.querySelector("[role=status]");
  if (!root || !input || !status) return;
  const items = /** @type {HTMLLIElement[]} */ ([...root.querySelectorAll("li[data-u]")]);
  const groups = /** @type {HTMLElement[]} */ ([...root.querySelectorAll("[data-group]")]);
  /** @type {SearchEntry[]} */
  let entries = [];
  const apply = () => {
    const query = input.value.trim();
    const hits = query === "" ? undefined : new Set(searchEntries(entries, query, entries.length).map((h) => h.u));
    for (const li of items) li.hidden = hits !== undefined && !hits.has(li.dataset.u ?? "");
    for (const group of groups) group.hidden = !group.querySelector("li:not([hidden])");
    status.textContent = hits === undefined ? `${items.length} pages.` : hits.size === 0 ? `Nothing matches “${query}”.` : `${hits.size} match${hits.size === 1 ? "" : "es"} for “${query}”.`;
  };
  input.value = new URLSearchParams(window.location.search).get("q") ?? "";
  input.addEventListener("input", apply);
  loadIndex(root.dataset.index ?? "search.json").then((e) => {
    entries = e;
    apply();
  });
}

function enhanceSortableTables() {
  for (const table of /** @type {NodeListOf<HTMLTableElement>} */ (document.querySelectorAll("table[data-sortable]"))) {
    const body = table.tBodies[0];
    const headers = /** @type {HTMLTableCellElement[]} */ ([...table.querySelectorAll("thead th")]);
    if (!body) continue;
    headers.forEach((th, column) => {
      const button = document.createElement("button");
      button.type = "button";
      button.append(...th.childNodes);
      th.replaceChildren(button);
      th.setAttribute("aria-sort", "none");
      button.addEventListener("click", () => {
        const ascending = th.getAttribute("aria-sort") !== "ascending";
        for (const other of headers) other.setAttribute("aria-sort", "none");
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        /** @param {HTMLTableRowElement} row */
        const key = (row) => {
          const cell = row.cells[column];
          const raw = cell?.dataset.sort ?? cell?.textContent?.trim() ?? "";
          const n = Number(raw);
          return raw !== "" && Number.isFinite(n) ? n : raw.toLowerCase();
        };
        const rows = [...body.rows].sort((a, b) => {
          const x = key(a);
          const y = key(b);
          const order = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
          return ascending ? order : -order;
        });
        body.append(...rows);
      });
    });
  }
}

enhanceSearchBox();
enhanceSearchPage();
enhanceSortableTables();
