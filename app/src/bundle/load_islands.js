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
      let complete = true;
      for (const island of islands) {
        const hydrateIsland = bundle[island.dataset.component];
        if (hydrateIsland) {
          await hydrateIsland(island);
        } else {
          // An island's name carries a hash of its source: the page and the
          // bundle come from different builds. The page still works as forms.
          complete = false;
          console.error(`The bundle has no island ${island.dataset.component}.`);
        }
      }
      if (complete) interactive();
    })
    .catch((error) => console.error('The interactive parts could not load:', error));
}
