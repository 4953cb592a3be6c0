#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>
#include <QVariantMap>

#include <memory>
#include <vector>

// The tree behind StepListModel: steps and the sections (nested step lists) between them, built
// from and written back to the file's JSON without losing anything (notes, unknown or invalid
// values stay as they were, so the loader can name them).
namespace cascade::steptree {

struct Node {
    enum class Type { List, Step };

    Type type = Type::List;
    Node *parent = nullptr;
    std::vector<std::unique_ptr<Node>> children;

    // Step: its own fields (all keys but the nested step lists), or a non-object element as read.
    QJsonObject fields;
    QJsonValue nonObject;
    bool isObject = true;

    // List: the key of the nested list in its step ("steps", "finally", "handler", "catch"); a
    // catch clause keeps its other keys in `clause`. `written`: the key is written even when the
    // list is empty (it was in the file, or is required).
    QString key;
    QJsonObject clause;
    bool written = true;

    // Results of the last validation.
    QString error;
    QVariantMap paramErrors;
    QString unavailable;

    [[nodiscard]] QString kind() const { return fields.value(QStringLiteral("do")).toString(); }
    [[nodiscard]] bool isCatch() const { return type == Type::List && key == QLatin1String("catch"); }
    [[nodiscard]] int row() const;
    [[nodiscard]] int depth() const;
    //! Relative JSON pointer of the row ("/0/catch/1" for a catch section, "/0/steps" for a list).
    [[nodiscard]] QString pointer() const;
    //! The label of a section row.
    [[nodiscard]] QString label() const;
};

[[nodiscard]] std::unique_ptr<Node> buildStep(const QJsonValue &value);
//! The sections a step object has (its nested lists become their children).
[[nodiscard]] std::vector<std::unique_ptr<Node>> buildSections(QJsonObject *fields);
void appendSteps(Node *list, const QJsonArray &steps);

[[nodiscard]] QJsonValue stepJson(const Node &step);
[[nodiscard]] QJsonArray listJson(const Node &list);

//! The row a relative pointer is about and the field within it ("" for the row itself): the
//! deepest row on the pointer's path. Pointers into a task of group, gather or spawn name that
//! step's "tasks" or "task" field.
struct Location {
    Node *node = nullptr;
    QString key;
};
[[nodiscard]] Location locate(Node *root, const QString &pointer);

} // namespace cascade::steptree
