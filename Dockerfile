# The app image for docker-compose.yml (the engine host runs in its own container there, see engine-host/Dockerfile,
# and the app reaches it through ENGINE_REST_URL, so this image needs no Java or Maven).
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --include=dev --ignore-scripts
COPY . .
USER node
EXPOSE 3000
CMD ["npx", "tsx", "src/main.ts"]
