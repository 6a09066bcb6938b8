import { t } from "../../app/i18n";
import { useLoad } from "../../app/ui";
import { request } from "../../api/client";
import { graphql } from "../../gql";

const MaterialsQuery = graphql(`
  query ClassroomMaterials($id: ID!) {
    class(id: $id) { id materials { title url resourceId } }
  }
`);

/**
 * The material and page the teacher shows, by the material's title (the class's materials, read once; the room's
 * events carry only its number), with a link to open it. Without the class's id, or past its list: "material n".
 */
export function MaterialLine({ classId, material, page }: { classId: string | null; material: number; page: number }) {
  const loaded = useLoad(() => (classId ? request(MaterialsQuery, { id: classId }) : Promise.resolve(null)), [classId]);
  const m = loaded.data?.class?.materials[material];
  if (!m) return <p class="notice" data-testid="page">{t("live.page", { material: material + 1, page })}</p>;
  return (
    <p class="notice" data-testid="page">
      {t("live.materialPage", { title: m.title, page })}{" "}
      <a href={m.resourceId ? `/library/${m.resourceId}` : m.url} rel="noopener" target="_blank">
        {t("live.openMaterial")}
      </a>
    </p>
  );
}
