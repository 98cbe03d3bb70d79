(jsHref, wasmHref) => {
  const interactive = () => document.body.setAttribute('data-hydrated', 'true');
  // Islands inside islands are hydrated by their outer island.
  const islands = [...document.querySelectorAll('leptos-island')].filter(
    (island) => !island.parentElement.closest('leptos-island'),
  );
  if (islands.length === 0) {
    interactive();
    return;
  }
  import(jsHref)
    .then(async (bundle) => {
      await bundle.default({ module_or_path: wasmHref });
      bundle.hydrate();
      for (const island of islands) {
        const hydrateIsland = bundle[island.dataset.component];
        if (hydrateIsland) {
          await hydrateIsland(island);
        } else {
          console.error(`The bundle has no island ${island.dataset.component}.`);
        }
      }
      interactive();
    })
    .catch((error) => console.error('The interactive parts could not load:', error));
}
