// Builds the web application into dist/web at the repository root, where the server serves it from.
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

export default defineConfig({
  // Absolute, so that the build works from any working directory (npm start, tests, `vite build`).
  root: fileURLToPath(new URL(".", import.meta.url)),
  plugins: [react()],
  build: { outDir: "../dist/web", emptyOutDir: true },
});
