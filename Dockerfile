# Build the manager (the runtime it imports as "uselessctl", and the operator) into dist/.
FROM node:20-alpine AS build
WORKDIR /workspace
COPY package.json package-lock.json ./
# --ignore-scripts: the package's prepare script compiles sources that are not copied yet.
RUN npm ci --ignore-scripts
COPY . .
RUN npm run build

# Run it with production dependencies only, as a non-root user.
FROM node:20-alpine
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts
COPY --from=build /workspace/dist ./dist
USER 65532:65532
ENTRYPOINT ["node", "--optimize-for-size", "dist/main.js"]
