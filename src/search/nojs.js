document.querySelector("[data-search-nojs]").hidden = true;
