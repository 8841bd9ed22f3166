# The app image for docker-compose.yml (the engine runs in its own container there).
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --include=dev --ignore-scripts
COPY . .
USER node
EXPOSE 3000
CMD ["npx", "tsx", "src/main.ts"]
