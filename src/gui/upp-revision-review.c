/* upp-revision-review.c — a package revision that waits: the banner that says so, and the review
 *
 * Copyright 2026 The Uppföljning authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A revision of the action package that arrives from a file or the shared
 * folder changes nothing until someone here accepts it. The banner under
 * the header bar says one waits; Review… shows what it would change (leads,
 * deadlines, reporting rules, actions) and asks who decides.
 */

#define G_LOG_DOMAIN "upp-revision-review"

#include "config.h"

#include <glib/gi18n.h>

#include "upp-a11y.h"
#include "upp-import.h"
#include "upp-revision-review.h"
#include "upp-window.h"

struct _UppRevisionBanner
{
  GtkWidget     parent_instance;

  GtkRevealer  *revealer;
  GtkLabel     *label;
  UppSession   *session;
  GtkWindow    *review;     /* (nullable) (weak) */
};

G_DEFINE_FINAL_TYPE (UppRevisionBanner, upp_revision_banner, GTK_TYPE_WIDGET)

/* The revision to decide about first: the next after the one in force. */
static const UppPendingRevision *
first_pending (UppSession *session)
{
  UppDashboard *dashboard = session != NULL ? upp_session_get_dashboard (session) : NULL;

  if (dashboard == NULL || dashboard->pending_revisions == NULL ||
      dashboard->pending_revisions->len == 0)
    return NULL;
  for (guint i = 0; i < dashboard->pending_revisions->len; i++)
    {
      const UppPendingRevision *pending = g_ptr_array_index (dashboard->pending_revisions, i);

      if (pending->is_next)
        return pending;
    }
  return g_ptr_array_index (dashboard->pending_revisions, 0);
}

static void
update (UppRevisionBanner *self)
{
  UppDashboard *dashboard = self->session != NULL ? upp_session_get_dashboard (self->session)
                                                  : NULL;
  guint n = dashboard != NULL && dashboard->pending_revisions != NULL
              ? dashboard->pending_revisions->len : 0;
  g_autofree char *text = NULL;

  if (n == 1)
    text = g_strdup_printf (_("Revision %d of the action package waits for a decision. "
                              "Nothing changes until it is accepted."),
                            first_pending (self->session)->info->revision);
  else if (n > 1)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u revision of the action package waits for a decision.",
                                         "%u revisions of the action package wait for a decision.",
                                         n), n);
  if (text != NULL)
    gtk_label_set_label (self->label, text);
  gtk_revealer_set_reveal_child (self->revealer, n > 0);
}

/* The review */

typedef struct
{
  UppSession   *session;
  char         *sha256;
  AdwEntryRow  *by_row;
  GtkWidget    *accept_button;
  GtkWidget    *refuse_button;
  AdwToastOverlay *toasts;
  gboolean      can_accept;
} Review;

static void
review_free (Review *review)
{
  g_clear_object (&review->session);
  g_free (review->sha256);
  g_free (review);
}

static void
update_buttons (Review *review)
{
  const char *by = gtk_editable_get_text (GTK_EDITABLE (review->by_row));
  g_autofree char *trimmed = g_strstrip (g_strdup (by));
  gboolean named = *trimmed != '\0';

  gtk_widget_set_sensitive (review->accept_button, named && review->can_accept);
  gtk_widget_set_sensitive (review->refuse_button, named);
}

typedef struct
{
  UppStore *store;
  char     *sha256;
  char     *by;
  gboolean  accept;
} Decision;

static void
decision_free (Decision *decision)
{
  g_clear_object (&decision->store);
  g_free (decision->sha256);
  g_free (decision->by);
  g_free (decision);
}

/* Worker thread: the window never waits for the database. */
static void
decide_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Decision *decision = task_data;
  g_autoptr(GError) error = NULL;

  if (!upp_import_decide_revision (decision->store, decision->sha256, decision->accept,
                                   decision->by, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
decide_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GtkWindow *window = GTK_WINDOW (source);
  Review *review = g_object_get_data (G_OBJECT (window), "review");
  Decision *decision = g_task_get_task_data (G_TASK (result));
  GtkWindow *parent = gtk_window_get_transient_for (window);
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      AdwToast *toast = adw_toast_new (error->message);

      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (review->toasts, toast);
      update_buttons (review);
      return;
    }
  upp_session_reload (review->session);
  if (UPP_IS_WINDOW (parent))
    upp_window_show_toast (UPP_WINDOW (parent),
                           decision->accept ? _("The package revision is in force")
                                            : _("The package revision was refused"));
  gtk_window_destroy (window);
}

static void
decide (GtkWidget *button,
        Review    *review)
{
  GtkWidget *window = gtk_widget_get_ancestor (button, GTK_TYPE_WINDOW);
  g_autoptr(GTask) task = g_task_new (window, NULL, decide_done, NULL);
  Decision *decision = g_new0 (Decision, 1);

  decision->store = g_object_ref (upp_session_get_store (review->session));
  decision->sha256 = g_strdup (review->sha256);
  decision->by = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (review->by_row))));
  decision->accept = button == review->accept_button;
  gtk_widget_set_sensitive (review->accept_button, FALSE);
  gtk_widget_set_sensitive (review->refuse_button, FALSE);
  g_task_set_source_tag (task, decide);
  g_task_set_task_data (task, decision, (GDestroyNotify) decision_free);
  g_task_run_in_thread (task, decide_thread);
}

static GtkWidget *
wrapped_row (const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

static GtkWidget *
changes_group (const UppPendingRevision *pending)
{
  GtkWidget *group = adw_preferences_group_new ();
  g_autofree char *description = NULL;
  g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (pending->info->imported, NULL);
  g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;
  g_autofree char *imported = local != NULL ? g_date_time_format (local, "%Y-%m-%d %H:%M")
                                            : g_strdup (pending->info->imported);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("What Changes"));
  /* Translators: From “package-2.json”, imported 2026-12-08 09:15. */
  description = g_strdup_printf (_("From “%s”, imported %s. Nothing changes until someone "
                                   "here accepts it."), pending->info->filename, imported);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  for (guint i = 0; i < pending->changes->len; i++)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               wrapped_row (g_ptr_array_index (pending->changes, i)));
  if (pending->changes->len == 0)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               wrapped_row (_("No changes to the definition in force")));
  return group;
}

static GtkWidget *
problems_group (const UppPendingRevision *pending)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Cannot Take Effect"));
  if (!pending->is_next)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                           _("An earlier revision waits for a decision first."));
  for (guint i = 0; i < pending->problems->len; i++)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               wrapped_row (g_ptr_array_index (pending->problems, i)));
  return group;
}

static GtkWindow *
review_window_new (UppRevisionBanner        *banner,
                   const UppPendingRevision *pending)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GtkWidget *decision = adw_preferences_group_new ();
  GtkWidget *toasts = adw_toast_overlay_new ();
  GtkWidget *cancel;
  GtkEventController *shortcuts;
  g_autofree char *title = g_strdup_printf (_("Revision %d"), pending->info->revision);
  const char *real_name = g_get_real_name ();
  Review *review = g_new0 (Review, 1);

  review->session = g_object_ref (banner->session);
  review->sha256 = g_strdup (pending->info->sha256);
  review->can_accept = pending->is_next && pending->problems->len == 0;
  g_object_set_data_full (G_OBJECT (window), "review", review, (GDestroyNotify) review_free);

  gtk_window_set_title (GTK_WINDOW (window), _("Review Package Revision"));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 560, 640);
  gtk_window_set_transient_for (GTK_WINDOW (window),
                                GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (banner))));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header),
                                   adw_window_title_new (_("Review Package Revision"), title));
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);

  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  review->accept_button = gtk_button_new_with_mnemonic (_("_Accept"));
  gtk_widget_add_css_class (review->accept_button, "suggested-action");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), review->accept_button);
  /* Deciding later is always possible: Escape closes, as Cancel does. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (window, shortcuts);
  review->refuse_button = gtk_button_new_with_mnemonic (_("_Refuse Revision"));
  gtk_widget_add_css_class (review->refuse_button, "destructive-action");
  gtk_widget_add_css_class (review->refuse_button, "pill");
  gtk_widget_set_halign (review->refuse_button, GTK_ALIGN_CENTER);
  g_signal_connect (review->refuse_button, "clicked", G_CALLBACK (decide), review);
  g_signal_connect (review->accept_button, "clicked", G_CALLBACK (decide), review);

  gtk_widget_set_margin_top (content, 24);
  gtk_widget_set_margin_bottom (content, 24);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  gtk_box_append (GTK_BOX (content), changes_group (pending));
  if (!review->can_accept)
    gtk_box_append (GTK_BOX (content), problems_group (pending));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (decision), _("Decision"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (decision),
                                         _("Kept with the revision, so that its history shows "
                                           "who decided and when."));
  review->by_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (review->by_row), _("Decided By"));
  upp_a11y_fix_entry_row (review->by_row);
  if (real_name != NULL && g_strcmp0 (real_name, "Unknown") != 0)
    gtk_editable_set_text (GTK_EDITABLE (review->by_row), real_name);
  g_signal_connect_swapped (review->by_row, "changed", G_CALLBACK (update_buttons), review);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (decision), GTK_WIDGET (review->by_row));
  gtk_box_append (GTK_BOX (content), decision);
  gtk_box_append (GTK_BOX (content), review->refuse_button);

  adw_clamp_set_child (ADW_CLAMP (clamp), content);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (toasts), box);
  review->toasts = ADW_TOAST_OVERLAY (toasts);
  adw_window_set_content (ADW_WINDOW (window), toasts);

  update_buttons (review);
  gtk_widget_grab_focus (GTK_WIDGET (review->by_row));
  return GTK_WINDOW (window);
}

/**
 * upp_revision_banner_review:
 * @self: a #UppRevisionBanner
 *
 * Opens the review of the revision that waits (the next after the one in
 * force, if several do).
 *
 * Returns: (transfer none) (nullable): the review window, or %NULL when
 *   no revision waits
 */
GtkWindow *
upp_revision_banner_review (UppRevisionBanner *self)
{
  const UppPendingRevision *pending;

  g_return_val_if_fail (UPP_IS_REVISION_BANNER (self), NULL);

  pending = first_pending (self->session);
  if (pending == NULL)
    return NULL;
  if (self->review != NULL)
    gtk_window_destroy (self->review);
  self->review = review_window_new (self, pending);
  g_object_add_weak_pointer (G_OBJECT (self->review), (gpointer *) &self->review);
  gtk_window_present (self->review);
  return self->review;
}

static void
on_review_clicked (UppRevisionBanner *self)
{
  upp_revision_banner_review (self);
}

/**
 * upp_revision_banner_set_session:
 * @self: a #UppRevisionBanner
 * @session: the window's session
 */
void
upp_revision_banner_set_session (UppRevisionBanner *self,
                                 UppSession        *session)
{
  g_return_if_fail (UPP_IS_REVISION_BANNER (self));
  g_return_if_fail (UPP_IS_SESSION (session));

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);
  g_signal_connect_swapped (session, "notify::dashboard", G_CALLBACK (update), self);
  update (self);
}

static void
upp_revision_banner_dispose (GObject *object)
{
  UppRevisionBanner *self = UPP_REVISION_BANNER (object);

  if (self->review != NULL)
    gtk_window_destroy (self->review);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  if (self->revealer != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->revealer));
      self->revealer = NULL;
    }
  G_OBJECT_CLASS (upp_revision_banner_parent_class)->dispose (object);
}

static void
upp_revision_banner_class_init (UppRevisionBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = upp_revision_banner_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "revisionbanner");
}

static void
upp_revision_banner_init (UppRevisionBanner *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Review…"));
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  self->revealer = GTK_REVEALER (gtk_revealer_new ());
  gtk_revealer_set_transition_type (self->revealer, GTK_REVEALER_TRANSITION_TYPE_SLIDE_DOWN);
  self->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->label, TRUE);
  gtk_label_set_xalign (self->label, 0);
  gtk_widget_set_hexpand (GTK_WIDGET (self->label), TRUE);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (box, "revision-banner");
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_review_clicked), self);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                  self->label, NULL, -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->label));
  gtk_box_append (GTK_BOX (box), button);
  gtk_box_append (GTK_BOX (outer), box);
  gtk_box_append (GTK_BOX (outer), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_revealer_set_child (self->revealer, outer);
  gtk_widget_set_parent (GTK_WIDGET (self->revealer), GTK_WIDGET (self));
}
