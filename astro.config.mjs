// Site settings for the playbook. `seg build` adds the playbook itself (routes,
// MDX, page data); put hosting options here, e.g. for GitHub Pages:
//   site: "https://acme.github.io", base: "/playbook"
import { defineConfig } from "astro/config";

export default defineConfig({});
