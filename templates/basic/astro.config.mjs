// Site settings for the playbook that `seg build` publishes. Seg adds the pages
// itself; put hosting options here if you need them, e.g. for GitHub Pages:
//   export default { site: "https://acme.github.io", base: "/segmentation" };
// (the workflow in .github/workflows/seg.yml passes both for you).
export default {};
