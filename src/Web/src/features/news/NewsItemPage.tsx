import { useEffect, useState } from "preact/hooks";
import { formatDate, t } from "../../app/i18n";
import type { RouteProps } from "../../app/router";
import { ErrorMessage, Show, useLoad, useTitle } from "../../app/ui";
import { fileUrl, request } from "../../api/client";
import { AppError } from "../../api/errors";
import { NewsItemQuery } from "./documents";
import { Paragraphs } from "./text";

/** One news item: its unit, date, text (paragraphs, never HTML from data) and images. */
export default function NewsItemPage({ params, query }: RouteProps) {
  const unit = query.get("unit");
  const loaded = useLoad(async () => (await request(NewsItemQuery, { id: params.id! })).newsItem, [params.id]);
  useTitle(loaded.data?.title ?? t("news.title"));
  return (
    <Show loaded={loaded}>
      {(n) =>
        !n ? (
          <ErrorMessage error={new AppError("NOT_FOUND")} />
        ) : (
          <article>
            <p class="crumbs">
              <a href={"/news" + (unit ? `?unit=${unit}` : "")}>{t("news.all")}</a>
            </p>
            <h1>{n.title}</h1>
            <p class="muted">
              {n.unit?.name ?? "—"} · {formatDate(n.publishedAt)}
            </p>
            <div data-testid="news-body">
              <Paragraphs text={n.body} />
            </div>
            {n.images.map((i) => (
              <NewsImage key={i.id} url={i.url} open={n.public} />
            ))}
          </article>
        )
      }
    </Show>
  );
}

/** A public item's image loads as any image; a members-only item's is fetched with the session's token. */
function NewsImage({ url, open }: { url: string; open: boolean }) {
  const [src, setSrc] = useState(open ? url : "");
  useEffect(() => {
    if (open) return;
    let local = "";
    fileUrl(url).then((u) => setSrc((local = u)), () => setSrc(""));
    return () => local && URL.revokeObjectURL(local);
  }, [url, open]);
  return src ? <img class="news-image" src={src} alt="" loading="lazy" /> : null;
}
