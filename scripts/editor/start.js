// Loaded before Decap CMS: the CMS waits for editor.js, which registers the campaign's YAML format first.
window.CMS_MANUAL_INIT = true;
