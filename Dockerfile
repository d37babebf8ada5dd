# One image for the three apps of the distributed mode; the command picks the app.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
# swagger-ui-dist pulls in an install-time analytics ping; npm 10 in this image runs install scripts.
ENV SCARF_ANALYTICS=false
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json nest-cli.json ./
COPY scripts ./scripts
COPY apps ./apps
COPY libs ./libs
USER node
EXPOSE 3000
CMD ["npm", "run", "start:api"]
