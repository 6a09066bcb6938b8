import type { Route } from "./router";

/** Every screen, loaded on demand. */
export const routes: Route[] = [
  { pattern: "/", load: () => import("../features/home/HomePage") },
  { pattern: "/sign-in", load: () => import("../features/signin/SignInPage"), public: true },
  { pattern: "/sign-up", load: () => import("../features/account/SignUpPage"), public: true },
  { pattern: "/claim", load: () => import("../features/account/ClaimPage") },
  { pattern: "/classes", load: () => import("../features/classes/CataloguePage"), public: true },
  { pattern: "/classes/:id", load: () => import("../features/classes/ClassPage"), public: true },
  { pattern: "/live/:sessionId", load: () => import("../features/classroom/ClassroomPage") },
  { pattern: "/record", load: () => import("../features/record/RecordPage") },
  { pattern: "/library", load: () => import("../features/library/LibraryPage"), public: true },
  { pattern: "/library/:id", load: () => import("../features/library/ResourcePage"), public: true },
  { pattern: "/news", load: () => import("../features/news/NewsPage"), public: true },
  { pattern: "/news/:id", load: () => import("../features/news/NewsItemPage"), public: true },
  { pattern: "/console", load: () => import("../features/console/ConsolePage") },
  { pattern: "/console/units/:id", load: () => import("../features/console/UnitPage") },
  { pattern: "/console/directives", load: () => import("../features/console/DirectivesPage") },
  { pattern: "/console/directives/new", load: () => import("../features/console/IssuePage") },
  { pattern: "/console/directives/:id", load: () => import("../features/console/RollupPage") },
  { pattern: "/console/channels", load: () => import("../features/console/channels/ChannelsPage") },
  { pattern: "/console/channels/:id", load: () => import("../features/console/channels/ChannelPage") },
  { pattern: "/console/records/verify", load: () => import("../features/console/records/VerifyPage") },
  { pattern: "/console/content/news", load: () => import("../features/console/content/NewsPage") },
  { pattern: "/console/content/review", load: () => import("../features/console/content/ReviewPage") },
];
