// ESLint for the archive's scripts (src/tip_archive/render/assets/) and their tests
// (tests/js/): run by `make lint` as
//   tests/browser/node_modules/.bin/eslint --config tests/browser/eslint.config.mjs ...
import js from "@eslint/js";
import globals from "globals";

export default [
  js.configs.recommended,
  {
    // The scripts run in the browser as plain scripts; each also exports its pure
    // functions to Node (module.exports) for the unit tests.
    files: ["src/tip_archive/render/assets/**/*.js"],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "script",
      globals: { ...globals.browser, module: "readonly" },
    },
  },
  {
    files: ["tests/js/**/*.js"],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "commonjs",
      globals: { ...globals.node },
    },
  },
];
